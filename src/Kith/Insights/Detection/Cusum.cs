namespace Kith.Insights.Detection;

/// <summary>
/// The options of the CUSUM, named as in R surveillance's <c>algo.cusum</c> control list; a null m is estimated (the
/// baseline's mean), <c>SeasonalM</c> is R's m = "glm".
/// </summary>
internal sealed record CusumOptions(double K = 1.04, double H = 2.26, double? M = null, string Trans = "standard", double Alpha = 0.1)
{
    public bool SeasonalM { get; init; }
}

/// <summary>
/// The Poisson CUSUM of Rossi, Lampugnani and Marchi (1999) as R surveillance's <c>algo.cusum</c> defines it, checked
/// against R at test time (DetectionAgainstRTests). Each monitored count x is standardised with the expected count m
/// (by default the mean of every point before the first monitored one) by the chosen transformation; the sum
/// S(t) = max(0, S(t−1) + z(t) − k) starts at 0 and alarms when it reaches h. The upper bound is the count that would
/// have made S reach h, in the transformation's own formula — as in R: "standard" rounds it up, "none" is h − S(t), and
/// a bound R cannot compute (a negative square root) or a negative one is shown as 0. m = "glm" (<see cref="SeasonalM"/>):
/// as R, a Poisson GLM log μ = β₀ + β₁cos(2πt/p) + β₂sin(2πt/p) fitted on the baseline, its predictions the m of each
/// monitored point (p = 52 for a weekly series, 365 for a daily one; R's t counts from the sts start week, a shift the
/// harmonic absorbs, so the predictions do not depend on it). The negative-binomial Anscombe residual is not offered.
/// </summary>
internal static class Cusum
{
    public static readonly string[] Transformations = ["standard", "rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "none"];

    public static Detection Run(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> counts, CusumOptions options, int firstMonitored)
    {
        if (!Transformations.Contains(options.Trans))
            throw new DetectionException($"CUSUM trans must be one of {string.Join(", ", Transformations)}, not '{options.Trans}'.");
        if (firstMonitored < 1 && options.M is null) throw new DetectionException("CUSUM needs points before the first monitored one to estimate m (or give m).");
        if (firstMonitored >= counts.Count) throw new DetectionException("The first monitored point is after the end of the series.");
        if (options.SeasonalM && firstMonitored < 4) throw new DetectionException("m=glm needs at least 4 points before the first monitored one to fit its seasonal model.");

        var seasonal = options.SeasonalM ? SeasonalMeans(dates, counts, firstMonitored) : null;
        var constant = options.M ?? (seasonal is null ? Mean(counts, firstMonitored) : double.NaN);
        var (k, h) = (options.K, options.H);
        var points = new List<DetectionPoint>(counts.Count - firstMonitored);
        var sum = 0.0;
        for (var t = firstMonitored; t < counts.Count; t++)
        {
            var x = counts[t];
            var m = seasonal?[t - firstMonitored] ?? constant;
            var previous = sum;
            sum = Max0(previous + Standardise(x, m, options) - k);
            var upper = Bound(m, previous, sum, options);
            upper = double.IsNaN(upper) || upper < 0 ? 0 : upper; // R shows an incomputable or negative bound as 0
            points.Add(new DetectionPoint(dates[t], x, double.IsNaN(m) ? null : m, upper, double.IsNaN(sum) ? null : sum >= h));
        }
        return new Detection("cusum", points);
    }

    /// <summary>m = "glm": the baseline's Poisson fit on one yearly harmonic, predicted at every monitored point.</summary>
    private static double[] SeasonalMeans(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> counts, int firstMonitored)
    {
        var period = dates.Count > 1 && dates[1].DayNumber - dates[0].DayNumber == 1 ? 365.0 : 52.0;
        double[] Row(int t) => [1, Math.Cos(2 * Math.PI / period * t), Math.Sin(2 * Math.PI / period * t)];
        var fit = QuasiPoisson.Fit([.. Enumerable.Range(1, firstMonitored).Select(Row)], [.. counts.Take(firstMonitored)]);
        return [.. Enumerable.Range(firstMonitored + 1, counts.Count - firstMonitored)
            // R's poisson()$linkinv floors exp(η) at the machine epsilon: a baseline the fit cannot separate (counts in
            // one season only) diverges, and its predictions are that floor, not 0.
            .Select(t => Math.Max(Math.Exp(Row(t).Zip(fit.Coefficients).Sum(x => x.First * x.Second)), Math.Pow(2, -52)))];
    }

    /// <summary>R's max(0, v): NA stays NA.</summary>
    private static double Max0(double v) => double.IsNaN(v) ? double.NaN : Math.Max(0, v);

    private static double Mean(IReadOnlyList<double> counts, int length)
    {
        var sum = 0.0;
        for (var i = 0; i < length; i++) sum += counts[i];
        return sum / length;
    }

    private static double Standardise(double x, double m, CusumOptions o) => o.Trans switch
    {
        "rossi" => (x - 3 * m + 2 * Math.Sqrt(x * m)) / (2 * Math.Sqrt(m)),
        "standard" => (x - m) / Math.Sqrt(m),
        "anscombe" => 1.5 * (Math.Pow(x, 2.0 / 3) - Math.Pow(m, 2.0 / 3)) / Math.Pow(m, 1.0 / 6),
        "anscombe2nd" => (Math.Pow(x, 2.0 / 3) - (Math.Pow(m, 2.0 / 3) - Math.Pow(m, -1.0 / 3) / 9)) / (2.0 / 3 * Math.Pow(m, 1.0 / 6)),
        "pearsonNegBin" => (x - m) / Math.Sqrt(m + o.Alpha * m * m),
        _ => x,
    };

    /// <summary>The count that would bring the sum to h, given the sum before it (R's formulas, second-order Anscombe's m^(1/3) included).</summary>
    private static double Bound(double m, double before, double now, CusumOptions o)
    {
        var (h, k) = (o.H, o.K);
        return o.Trans switch
        {
            "rossi" => 2 * h * Math.Sqrt(m) + 2 * k * Math.Sqrt(m) - 2 * before * Math.Sqrt(m) + 5 * m
                - 2 * Math.Sqrt(4 * m * m + 2 * Math.Pow(m, 1.5) * h + 2 * Math.Pow(m, 1.5) * k - 2 * Math.Pow(m, 1.5) * before),
            "standard" => Math.Ceiling(Math.Sqrt(m) * (h + k - before) + m),
            "anscombe" => Root(2.0 / 3 * Math.Pow(m, 1.0 / 6) * (h + k - before) + Math.Pow(m, 2.0 / 3)),
            "anscombe2nd" => Root(2.0 / 3 * Math.Pow(m, 1.0 / 6) * (h + k - before) + (Math.Pow(m, 2.0 / 3) - Math.Pow(m, 1.0 / 3) / 9)),
            "pearsonNegBin" => Math.Sqrt(m + o.Alpha * m * m) * (h + k - before) + m,
            _ => h - now,
        };
    }

    /// <summary>v^(3/2), or 0 where v is negative (R's ifelse before the power).</summary>
    private static double Root(double v) => v < 0 ? 0 : Math.Pow(v, 1.5);
}
