using Kith.Insights.Detection;

namespace Kith.Tests.Insights.Detection;

/// <summary>What the detection methods refuse, in words, and how the command writes what R writes as Inf.</summary>
public sealed class DetectionInputTests
{
    private static readonly DateOnly[] Dates = Enumerable.Range(0, 20).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).ToArray();
    private static readonly double[] Counts = Enumerable.Range(0, 20).Select(i => (double)(i * 7 % 5)).ToArray();

    [Theory]
    [InlineData(int.MaxValue, "longer than the series")]
    [InlineData(21, "longer than the series")]
    [InlineData(2, "at least 3 points")]
    public void A_baseline_the_series_cannot_hold_is_refused_in_words(int baseline, string words)
    {
        var refused = Assert.Throws<DetectionException>(() => Ears.Run(Dates, Counts, new EarsOptions("C3", baseline)));
        Assert.Contains(words, refused.Message);
    }

    [Theory]
    [InlineData(false, "noPeriods=10", "farrington has no option 'noPeriods'")]
    [InlineData(true, "thresholdMethod=exact", "thresholdMethod must be delta, nbPlugin or muan")]
    [InlineData(true, "limit54=5", "limit54 is two numbers")]
    [InlineData(false, "powertrans=1/3", "powertrans must be one of 2/3, 1/2, none")]
    [InlineData(false, "reweight=yes", "reweight must be TRUE or FALSE")]
    [InlineData(true, "b=0", "b must be at least 1")]
    public void A_Farrington_option_R_would_not_take_is_refused_in_words(bool flexible, string option, string words)
    {
        var refused = Assert.Throws<DetectionException>(() => FarringtonOptions.From(flexible, DetectCommand.Pairs([option])));
        Assert.Contains(words, refused.Message);
    }

    [Fact]
    public void Farrington_on_a_series_without_b_years_of_history_is_refused_in_words()
    {
        var weekly = new CountSeries(Enumerable.Range(0, 200).Select(i => new DateOnly(2020, 1, 6).AddDays(7 * i)).ToArray(), new double[200], null);
        var refused = Assert.Throws<DetectionException>(() => Farrington.Run(weekly, FarringtonOptions.From(false, []), null));
        Assert.Contains("too short for farrington with b=5", refused.Message);
        var daily = weekly with { Dates = Dates.Concat(Enumerable.Range(20, 180).Select(i => new DateOnly(2026, 1, 1).AddDays(i))).ToArray() };
        Assert.Contains("needs a weekly series", Assert.Throws<DetectionException>(() => Farrington.Run(daily, FarringtonOptions.From(true, []), null)).Message);
    }

    [Fact]
    public async Task A_bound_at_an_alpha_too_small_for_a_finite_z_is_written_Inf_as_R_writes_it()
    {
        var detection = Ears.Run(Dates, Counts, new EarsOptions("C1", Alpha: 1e-320));
        var output = new StringWriter();
        await DetectCommand.Write(detection, output);
        Assert.All(output.ToString().Trim().Split('\n').Skip(1), line => Assert.Contains(",Inf,", line));
    }
}
