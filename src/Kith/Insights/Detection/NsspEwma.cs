using MathNet.Numerics.Distributions;

namespace Kith.Insights.Detection;

/// <summary>One tested day of an NSSP detector: what it expected, the count at which it would turn red, its p-value and
/// Rnssp's colour; for the regression also the baseline fit's adjusted R² (which the switch reads).</summary>
internal sealed record NsspTest(double Expected, double RedBound, double P, string Alert, string Detector, double R2Adjusted = double.NaN);

/// <summary>
/// Rnssp's <c>alert_ewma</c> (the <c>ewma_loop</c> read at CDCgov/Rnssp commit 50b4761, Apache-2.0), from its definition:
/// two EWMAs z = w·y + (1 − w)·z₋₁ (w1 slow, w2 fast) start at the first count; from day 7 + g on, each is compared with
/// the mean of a baseline that ends g days before and grows from 7 to B days. Its sigma is the baseline's sample sd times
/// the EWMA correction √(w/(2−w) + 1/L − 2(1−w)^(g+1)(1 − (1−w)^L)/L), plus a constant, at least a floor — both scaled by
/// w over the rounded t quantile at 0.95 — and the day's p is the smaller upper-tail Student-t p of the two, on L − 1
/// degrees of freedom. A smoothed value beyond the 0.99 quantile is pulled back to it for the days after (so one spike
/// does not hide the next). A series of proportions (all under 1) is divided by the median of its positive values first.
/// </summary>
internal static class NsspEwma
{
    private const int MinBaseline = 7;

    /// <summary>The first day (0-based) Rnssp tests.</summary>
    public static int FirstTested(NsspOptions o) => MinBaseline + o.G;

    public static NsspTest?[] Run(IReadOnlyList<double> counts, NsspOptions o)
    {
        var scale = Scale(counts);
        var y = counts.Select(c => c / scale).ToArray();
        var tests = new NsspTest?[y.Length];
        double slow = y[0], fast = y[0];
        for (var t = 1; t < FirstTested(o); t++) (slow, fast) = (o.W1 * y[t] + (1 - o.W1) * slow, o.W2 * y[t] + (1 - o.W2) * fast);
        for (var t = FirstTested(o); t < y.Length; t++)
        {
            var length = Math.Min(t - o.G, o.B);
            var (mean, sd) = MeanAndSd(y, t - o.G - length, length);
            var df = length - 1;
            var a = Step(o.W1, slow, y[t], mean, sd, length, o, df);
            var b = Step(o.W2, fast, y[t], mean, sd, length, o, df);
            (slow, fast) = (a.Z, b.Z);
            var p = a.P < b.P ? a.P : b.P; // Rnssp keeps the fast one on a tie
            // Red when either EWMA's p falls under the cut-off: at the smaller of the two counts that would do it.
            var bound = Math.Min(a.RedBound, b.RedBound);
            tests[t] = new NsspTest(mean * scale, bound * scale, p, NsspAlert.Colour(p, o), "ewma");
        }
        return tests;
    }

    private readonly record struct Smoothed(double Z, double P, double RedBound);

    private static Smoothed Step(double w, double previous, double y, double mean, double sd, int length, NsspOptions o, int df)
    {
        var alertQuantile = NsspAlert.RoundedQuantile(0.99, df);
        var warningQuantile = NsspAlert.RoundedQuantile(0.95, df);
        var correction = Math.Sqrt(w / (2 - w) + 1.0 / length - 2 * Math.Pow(1 - w, o.G + 1) * (1 - Math.Pow(1 - w, length)) / length);
        var floor = w / warningQuantile * (0.01 + 0.05 * Math.Pow(1 - w, 2));
        var constant = (0.1289 - (0.2414 - 0.1826 * Math.Pow(1 - w, 4)) * Math.Log(10 * 0.05)) * (w / warningQuantile);
        var sigma = Math.Max(floor, sd * correction + constant);
        var z = w * y + (1 - w) * previous;
        var statistic = (z - mean) / sigma;
        var p = 1 - StudentT.CDF(0, 1, df, statistic); // as R's 1 - pt(): the same rounding to 0 far out
        if (Math.Abs(statistic) > alertQuantile) z = mean + Math.Sign(statistic) * alertQuantile * sigma;
        var redZ = mean + StudentT.InvCDF(0, 1, df, 1 - o.Red) * sigma;
        return new Smoothed(z, p, (redZ - (1 - w) * previous) / w);
    }

    /// <summary>Rnssp's rescaling of a proportion series (every value under 1, some above 0): by the median of the positive values.</summary>
    private static double Scale(IReadOnlyList<double> counts)
    {
        var positive = counts.Where(c => c > 0).Order().ToArray();
        if (counts.Max() >= 1 || positive.Length == 0) return 1;
        var middle = positive.Length / 2;
        return positive.Length % 2 == 1 ? positive[middle] : (positive[middle - 1] + positive[middle]) / 2;
    }

    private static (double Mean, double Sd) MeanAndSd(double[] y, int start, int length)
    {
        var mean = y.Skip(start).Take(length).Average();
        var squares = y.Skip(start).Take(length).Sum(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(squares / (length - 1)));
    }
}
