using Kith.Insights.Evaluation;

namespace Kith.Tests.Insights.Evaluation;

/// <summary>
/// The t quantile behind the evaluation's confidence intervals against R's <c>qt</c> (R 4, printed to 13 significant
/// digits with <c>options(digits = 13)</c>), and the paired interval against the textbook formula worked by hand.
/// </summary>
public sealed class StudentTTests
{
    [Theory]
    [InlineData(0.975, 1, 12.706204736175)]
    [InlineData(0.975, 2, 4.302652729749)]
    [InlineData(0.975, 3, 3.182446305284)]
    [InlineData(0.975, 4, 2.776445105198)]
    [InlineData(0.975, 5, 2.570581835636)]
    [InlineData(0.975, 10, 2.228138851986)]
    [InlineData(0.975, 20, 2.085963447266)]
    [InlineData(0.975, 30, 2.042272456301)]
    [InlineData(0.975, 100, 1.983971518524)]
    [InlineData(0.95, 4, 2.131846786327)]
    [InlineData(0.995, 3, 5.840909309733)]
    [InlineData(0.975, 2.5, 3.574654842004)] // a fractional df exercises the incomplete beta (no closed form)
    public void The_quantile_agrees_with_R_to_twelve_digits(double p, double degrees, double r)
    {
        Assert.Equal(r, StudentT.Quantile(p, degrees), 1e-11 * Math.Max(1, r));
        Assert.Equal(-r, StudentT.Quantile(1 - p, degrees), 1e-11 * Math.Max(1, r));
        Assert.Equal(p, StudentT.Cdf(r, degrees), 1e-12);
    }

    [Fact]
    public void With_many_degrees_of_freedom_it_is_the_normal_quantile()
    {
        Assert.Equal(1.959963984540, StudentT.Quantile(0.975, 1e8), 1e-7);
        Assert.Equal(0, StudentT.Quantile(0.5, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(1, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.975, 0));
    }

    [Fact]
    public void The_paired_interval_is_the_mean_difference_plus_or_minus_t_times_its_standard_error()
    {
        // Differences 4, 2, 3, 4, 5: mean 3.6; squared deviations 0.16 + 2.56 + 0.36 + 0.16 + 1.96 = 5.2, variance 5.2 / 4 = 1.3.
        var change = PairedChange.Of([(40, 44), (50, 52), (60, 63), (30, 34), (45, 50)]);
        var half = 2.776445105198 * Math.Sqrt(1.3 / 5); // qt(0.975, 4) from R
        Assert.Equal(5, change.Pairs);
        Assert.Equal(45.0, change.MeanBefore, 1e-12);
        Assert.Equal(48.6, change.MeanAfter, 1e-12);
        Assert.Equal(3.6, change.MeanChange, 1e-12);
        Assert.Equal(3.6 - half, change.Low!.Value, 1e-9);
        Assert.Equal(3.6 + half, change.High!.Value, 1e-9);
        Assert.Equal(0, change.Improved);
    }

    [Fact]
    public void Improved_counts_a_change_of_ten_points_or_more_and_one_pair_has_no_interval()
    {
        var change = PairedChange.Of([(40, 50), (40, 49), (60, 40), (20, 80)]);
        Assert.Equal(2, change.Improved); // +10 and +60; +9 is not enough, −20 is worse
        var one = PairedChange.Of([(40, 60)]);
        Assert.Equal((1, 20.0, (double?)null, (double?)null), (one.Pairs, one.MeanChange, one.Low, one.High));
    }
}
