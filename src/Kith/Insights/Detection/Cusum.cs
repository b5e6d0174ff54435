namespace Kith.Insights.Detection;

/// <summary>The options of the CUSUM, named as in R surveillance's <c>algo.cusum</c> control list; a null m is estimated.</summary>
internal sealed record CusumOptions(double K = 1.04, double H = 2.26, double? M = null, string Trans = "standard", double Alpha = 0.1);

/// <summary>
/// The Poisson CUSUM of Rossi, Lampugnani and Marchi (1999) as R surveillance's <c>algo.cusum</c> defines it, checked
/// against R at test time (DetectionAgainstRTests). Each monitored count x is standardised with the expected count m
/// (by default the mean of every point before the first monitored one) by the chosen transformation; the sum
/// S(t) = max(0, S(t−1) + z(t) − k) starts at 0 and alarms when it reaches h. The upper bound is the count that would
/// have made S reach h, in the transformation's own formula — as in R: "standard" rounds it up, "none" is h − S(t), and
/// a bound R cannot compute (a negative square root) or a negative one is shown as 0. R's seasonal m ("glm") and the
/// negative-binomial Anscombe residual are not offered here.
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

        var m = options.M ?? Mean(counts, firstMonitored);
        var (k, h) = (options.K, options.H);
        var points = new List<DetectionPoint>(counts.Count - firstMonitored);
        var sum = 0.0;
        for (var t = firstMonitored; t < counts.Count; t++)
        {
            var x = counts[t];
            var previous = sum;
            sum = Max0(previous + Standardise(x, m, options) - k);
            var upper = Bound(m, previous, sum, options);
            upper = double.IsNaN(upper) || upper < 0 ? 0 : upper; // R shows an incomputable or negative bound as 0
            points.Add(new DetectionPoint(dates[t], x, double.IsNaN(m) ? null : m, upper, double.IsNaN(sum) ? null : sum >= h));
        }
        return new Detection("cusum", points);
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
