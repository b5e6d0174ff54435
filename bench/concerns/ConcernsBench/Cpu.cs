using System.Diagnostics;
using System.Globalization;

namespace ConcernsBench;

/// <summary>CPU seconds of the Kith server and of this load generator, and how busy the whole machine was.</summary>
internal sealed record CpuSample(double KithSeconds, double BenchSeconds, long MachineBusy, long MachineTotal, Stopwatch Clock);

internal sealed record CpuUse(double Seconds, double KithCpuSeconds, double KithCpuMsPerConcern, double BenchCpuSeconds,
    double MachineBusyPercent, int Cores);

/// <summary>
/// On two shared cores the question "where does the time go" starts with "whose CPU": Kith's process (from
/// /proc/PID/stat), the load generator's, and the machine's busy share (from /proc/stat) — the rest is the database
/// server and other tenants.
/// </summary>
internal static class Cpu
{
    public static CpuSample Sample(int kithPid)
    {
        var stat = File.ReadAllText($"/proc/{kithPid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the line, in clock ticks (USER_HZ is 100 on Linux).
        var kith = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = machine[3] + machine[4]; // idle + iowait
        return new CpuSample(kith, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, machine.Sum() - idle, machine.Sum(), Stopwatch.StartNew());
    }

    public static CpuUse Between(CpuSample before, CpuSample after, int concerns)
    {
        var seconds = before.Clock.Elapsed.TotalSeconds - after.Clock.Elapsed.TotalSeconds;
        var kith = after.KithSeconds - before.KithSeconds;
        return new CpuUse(seconds, kith, concerns == 0 ? 0 : kith * 1000 / concerns, after.BenchSeconds - before.BenchSeconds,
            100.0 * (after.MachineBusy - before.MachineBusy) / Math.Max(1, after.MachineTotal - before.MachineTotal), Environment.ProcessorCount);
    }
}
