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

    [Fact]
    public async Task A_bound_at_an_alpha_too_small_for_a_finite_z_is_written_Inf_as_R_writes_it()
    {
        var detection = Ears.Run(Dates, Counts, new EarsOptions("C1", Alpha: 1e-320));
        var output = new StringWriter();
        await DetectCommand.Write(detection, output);
        Assert.All(output.ToString().Trim().Split('\n').Skip(1), line => Assert.Contains(",Inf,", line));
    }
}
