using Kith.Insights.Detection;

namespace Kith.Tests.Insights.Detection;

/// <summary>What the NSSP methods refuse, in words (the command turns each into exit code 2), and the CSV they print.</summary>
public sealed class NsspInputTests
{
    private static readonly DateOnly[] Dates = Enumerable.Range(0, 31).Select(i => new DateOnly(2026, 1, 5).AddDays(i)).ToArray();
    private static readonly double[] Counts = Enumerable.Range(0, 31).Select(i => (double)(i * 7 % 5 + 3)).ToArray();

    [Theory]
    [InlineData("ewma", new[] { "lambda=2" }, "no option 'lambda'")]
    [InlineData("ewma", new[] { "B" }, "name=value")]
    [InlineData("ewma", new[] { "B=x" }, "B must be a whole number")]
    [InlineData("ewma", new[] { "w1=NaN" }, "w1 must be a number")]
    [InlineData("ewma", new[] { "B=0" }, "at least 7 days")]
    [InlineData("ewma", new[] { "B=-7" }, "at least 7 days")]
    [InlineData("regression", new[] { "B=21", "g=-1" }, "g (the guard band) cannot be negative")]
    [InlineData("regression", new[] { "B=20" }, "multiple of 7")]
    [InlineData("switch", new[] { "B=7" }, "at least 14")]
    [InlineData("ewma", new[] { "w2=0" }, "w1 and w2")]
    [InlineData("ewma", new[] { "red=0.1", "yellow=0.05" }, "red no larger than yellow")]
    [InlineData("ewma", new[] { "B=28", "g=3" }, "needs at least 32 days, the series has 31")]
    [InlineData("regression", new[] { "B=2147483646" }, "the series has 31")]
    public void A_request_the_method_cannot_honour_is_refused_in_words(string method, string[] options, string words)
    {
        var refused = Assert.Throws<DetectionException>(() => Nssp.Run(method, Dates, Counts, NsspOptions.Parse(options)));
        Assert.Contains(words, refused.Message);
    }

    [Fact]
    public void The_series_may_be_exactly_B_plus_g_plus_1_days()
    {
        var detection = Nssp.Run("switch", Dates, Counts, new NsspOptions(B: 28, G: 2));
        Assert.Equal(31 - 9, detection.Points.Count); // tested from day 7 + g + 1 = 10 (the EWMA's), as Rnssp
    }

    [Fact]
    public void A_missing_count_and_a_first_date_before_the_first_test_are_refused()
    {
        var gap = Counts.ToArray();
        gap[20] = double.NaN;
        Assert.Contains("needs every day's count", Assert.Throws<DetectionException>(() => Nssp.Run("ewma", Dates, gap, new NsspOptions())).Message);
        Assert.Contains("tests from 2026-01-18 on", Assert.Throws<DetectionException>(() => Nssp.Run("regression", Dates, Counts, new NsspOptions(), 5)).Message);
    }

    [Fact]
    public void A_regression_baseline_missing_a_weekday_is_refused()
    {
        var weekly = Enumerable.Range(0, 31).Select(i => new DateOnly(2026, 1, 5).AddDays(7 * i)).ToArray(); // Mondays only
        Assert.Contains("lacks a day of the week", Assert.Throws<DetectionException>(() => Nssp.Run("regression", weekly, Counts, new NsspOptions())).Message);
    }

    [Fact]
    public async Task The_csv_adds_p_alert_and_detector_for_the_nssp_methods_only()
    {
        var output = new StringWriter();
        await DetectCommand.Write(Nssp.Run("switch", Dates, Counts, new NsspOptions()), output);
        var lines = output.ToString().Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("date,count,expected,upperbound,alarm,p,alert,detector", lines[0]);
        Assert.Matches(@"^2026-01-14,\d+,[0-9.E-]+,[0-9.E-]+,(TRUE|FALSE),[0-9.E-]+,(red|yellow|blue),ewma$", lines[1]);

        var ears = new StringWriter();
        await DetectCommand.Write(Ears.Run(Dates, Counts, new EarsOptions("C1")), ears);
        Assert.Equal("date,count,expected,upperbound,alarm", ears.ToString().Split('\n')[0].TrimEnd('\r'));
        Assert.DoesNotContain(",red", ears.ToString());
    }
}
