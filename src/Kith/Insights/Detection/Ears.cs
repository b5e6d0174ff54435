using MathNet.Numerics.Distributions;

namespace Kith.Insights.Detection;

/// <summary>The options of EARS, named as in R surveillance's <c>earsC</c> control list.</summary>
internal sealed record EarsOptions(string Method = "C1", int Baseline = 7, double MinSigma = 0, double? Alpha = null)
{
    /// <summary>C1 and C2 default to α = 0.001, C3 to 0.025: the CDC's choices.</summary>
    public double EffectiveAlpha => Alpha ?? (Method == "C3" ? 0.025 : 0.001);

    /// <summary>How many earlier points a monitored point needs: C1 the baseline, C2 two more (its lag), C3 two more again.</summary>
    public int MaxLag => Method switch { "C1" => Baseline, "C2" => Baseline + 2, _ => Baseline + 4 };
}

/// <summary>
/// The CDC's Early Aberration Reporting System methods C1 (mild), C2 (medium) and C3 (high), as R surveillance's
/// <c>earsC</c> defines them (Fricker, Hegler and Dunfee 2008; Salmon, Schumacher and Höhle 2016) — implemented here
/// from those definitions and checked against R at test time (EarsAgainstRTests):
/// <list type="bullet">
/// <item>C1: the baseline is the <c>baseline</c> points just before t; the upper bound is their mean plus
///   z(1−α) times their sample standard deviation (at least <c>minSigma</c>).</item>
/// <item>C2: the same with a two-point gap: the baseline ends three points before t.</item>
/// <item>C3: with C2(i) = (y(i) − mean₂(i)) / sd₂(i), the bound is y(t) + sd₂(t)·(z − Σ max(0, C2(i) − 1)) over i = t−1
///   and t−2 only, and at least 0. As in R, the current point's own C2 is not in the sum, so C3 alarms when the two
///   points before it were high enough — the bound is built around the observation itself.</item>
/// </list>
/// An alarm is a count strictly above the bound. Where the arithmetic has no answer (a flat baseline with
/// <c>minSigma</c> 0 makes C2 divide by zero), the bound and alarm are NA, as in R.
/// </summary>
internal static class Ears
{
    public static readonly string[] Methods = ["C1", "C2", "C3"];

    /// <summary>Runs the method over the monitored indices (0-based, ascending); null monitors every point that has a full baseline.</summary>
    public static Detection Run(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> counts, EarsOptions options, int? firstMonitored = null)
    {
        if (!Methods.Contains(options.Method)) throw new DetectionException($"EARS method must be C1, C2 or C3, not '{options.Method}'.");
        if (options.Baseline < 3) throw new DetectionException("The baseline must be at least 3 points.");
        if (options.Baseline > counts.Count) throw new DetectionException($"The baseline ({options.Baseline} points) is longer than the series ({counts.Count} points).");
        if (options.MinSigma < 0) throw new DetectionException("minSigma must be 0 or more.");
        if (options.EffectiveAlpha is <= 0 or >= 1) throw new DetectionException("alpha must be between 0 and 1.");
        var first = firstMonitored ?? options.MaxLag;
        if (first < options.MaxLag)
            throw new DetectionException($"EARS {options.Method} with a baseline of {options.Baseline} needs {options.MaxLag} earlier points before the first monitored one.");
        if (first >= counts.Count) throw new DetectionException("The first monitored point is after the end of the series.");

        var z = Normal.InvCDF(0, 1, 1 - options.EffectiveAlpha);
        var points = new List<DetectionPoint>(counts.Count - first);
        for (var t = first; t < counts.Count; t++)
        {
            double expected, upper;
            if (options.Method == "C3")
            {
                var (mean, sd) = Window(counts, t - options.Baseline - 2, options.Baseline, options.MinSigma);
                var lagged = Math.Max(0, C2(counts, t - 2, options) - 1) + Math.Max(0, C2(counts, t - 1, options) - 1);
                expected = mean;
                upper = counts[t] + sd * (z - lagged);
                upper = double.IsNaN(upper) ? double.NaN : Math.Max(0, upper);
            }
            else
            {
                var start = options.Method == "C1" ? t - options.Baseline : t - options.Baseline - 2;
                var (mean, sd) = Window(counts, start, options.Baseline, options.MinSigma);
                expected = mean;
                upper = mean + z * sd;
            }
            var known = !double.IsNaN(upper);
            bool? alarm = known && !double.IsNaN(counts[t]) ? counts[t] > upper : null;
            points.Add(new DetectionPoint(dates[t], counts[t], double.IsNaN(expected) ? null : expected, known ? upper : null, alarm));
        }
        return new Detection("ears" + options.Method, points);
    }

    /// <summary>C2's statistic at t: how many (floored) standard deviations t lies above its lagged baseline.</summary>
    private static double C2(IReadOnlyList<double> counts, int t, EarsOptions options)
    {
        var (mean, sd) = Window(counts, t - options.Baseline - 2, options.Baseline, options.MinSigma);
        return (counts[t] - mean) / sd; // ±∞ or NaN for a flat baseline without minSigma, as in R
    }

    /// <summary>The mean and the sample standard deviation (n − 1), at least minSigma, of <paramref name="length"/> points from <paramref name="start"/>.</summary>
    private static (double Mean, double Sd) Window(IReadOnlyList<double> counts, int start, int length, double minSigma)
    {
        var sum = 0.0;
        for (var i = start; i < start + length; i++) sum += counts[i];
        var mean = sum / length;
        var squares = 0.0;
        for (var i = start; i < start + length; i++) squares += (counts[i] - mean) * (counts[i] - mean);
        return (mean, Math.Max(Math.Sqrt(squares / (length - 1)), minSigma));
    }
}
