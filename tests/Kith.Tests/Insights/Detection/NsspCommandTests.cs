using System.Globalization;
using Kith.Insights.Detection;

namespace Kith.Tests.Insights.Detection;

/// <summary><c>kith insights detect --method ewma|regression|switch</c> as a process: what it prints, and exit code 2 with the reason for bad input.</summary>
[Trait("Category", "Integration")]
[Trait("Provider", "Independent")] // no database
public sealed class NsspCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kith-nssp-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Dictionary<string, string> Environment() => new()
    {
        ["ConnectionStrings__Postgres"] = "",
        ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder, "kith.db")}",
        ["Kith__KeyRingPath"] = Path.Combine(folder, "keys"),
    };

    private string Series(int days)
    {
        var file = Path.Combine(folder, "series.csv");
        File.WriteAllLines(file, ["date,count", .. Enumerable.Range(0, days).Select(i =>
            $"{new DateOnly(2026, 1, 5).AddDays(i):yyyy-MM-dd},{(i == days - 1 ? 30 : i * 7 % 5 + 10)}")]);
        return file;
    }

    [Fact]
    public async Task The_command_prints_what_the_method_computes_with_p_alert_and_detector()
    {
        var file = Series(45);
        var run = await KithProcess.RunCommandAsync(Environment(), "insights", "detect", "--method", "switch", "--option", "B=21", "--option", "g=1", "--input", file);
        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.StdOut.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("date,count,expected,upperbound,alarm,p,alert,detector", lines[0]);
        CountSeries series;
        using (var reader = new StringReader(File.ReadAllText(file))) series = CountSeries.Parse(reader);
        var direct = Nssp.Run("switch", series.Dates, series.Counts, new NsspOptions(B: 21, G: 1));
        Assert.Equal(direct.Points.Count, lines.Length - 1);
        var last = lines[^1].Split(',');
        Assert.Equal(direct.Points[^1].UpperBound!.Value.ToString("R", CultureInfo.InvariantCulture), last[3]);
        Assert.Equal(("TRUE", "red"), (last[4], last[6]));
    }

    [Theory]
    [InlineData("ewma", "w=0.5", "no option 'w'")]
    [InlineData("regression", "B=0", "at least 7 days")]
    [InlineData("switch", "B=56", "needs at least 59 days, the series has 45")]
    public async Task Bad_input_exits_2_with_the_reason(string method, string option, string words)
    {
        var run = await KithProcess.RunCommandAsync(Environment(), "insights", "detect", "--method", method, "--option", option, "--input", Series(45));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(words, run.StdErr);
        Assert.Equal("", run.StdOut);
    }
}
