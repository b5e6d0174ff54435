namespace InsightsBench;

internal static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages: the machine is shared, and a pass is only as fair as its load.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
