using MathNet.Numerics.Distributions;

namespace Kith.Insights.Detection;

/// <summary>A fitted Farrington baseline model: the GLM, its dispersion φ = max(Pearson's, 1), and whether it kept the trend.</summary>
internal sealed record FarringtonFit(QuasiPoisson Model, double Phi, bool HasTrend, double[]? PriorWeights);

/// <summary>
/// What R surveillance's two Farrington implementations share (Farrington et al. 1996; Noufaily et al. 2013): the
/// quasi-Poisson fit that down-weights past outbreaks, the power-transformed bound, the weeks a year back, and the
/// rule that few cases never alarm.
/// </summary>
internal static class FarringtonModel
{
    /// <summary>
    /// R's fitGLM: fit (with the trend column, if asked); when that does not converge, fit again without the trend —
    /// and, if <paramref name="giveUpUnconverged"/> (farringtonFlexible), give up (null) when that does not converge
    /// either. φ = max(dispersion, 1). Reweighting: Anscombe residuals s of that fit, scaled by √(φ(1 − h)); weeks with
    /// s above the threshold get weight ∝ s⁻², the others a constant, scaled so the weights sum to n; fit again with
    /// them (its convergence not checked, as in R) and take φ again.
    /// </summary>
    public static FarringtonFit? Fit(Func<bool, double[][]> design, double[] y, double[]? offset, bool trend, bool reweight, double weightsThreshold, bool giveUpUnconverged)
    {
        var model = QuasiPoisson.Fit(design(trend), y, offset: offset);
        if (!model.Converged && trend)
        {
            trend = false;
            model = QuasiPoisson.Fit(design(false), y, offset: offset);
            if (!model.Converged && giveUpUnconverged) return null;
        }
        else if (!model.Converged && giveUpUnconverged) return null;
        var phi = RMax1(model.Dispersion);
        if (!reweight) return new FarringtonFit(model, phi, trend, null);
        var omega = Weights(Anscombe(model, phi), weightsThreshold);
        model = QuasiPoisson.Fit(design(trend), y, omega, offset);
        return new FarringtonFit(model, RMax1(model.Dispersion), trend, omega);
    }

    /// <summary>R's max(x, 1): NaN stays NaN.</summary>
    private static double RMax1(double x) => double.IsNaN(x) ? x : Math.Max(x, 1);

    /// <summary>surveillance's anscombe.residuals: 3/2 (y^(2/3) μ^(−1/6) − μ^(1/2)) / √(φ(1 − h)).</summary>
    private static double[] Anscombe(QuasiPoisson model, double phi) =>
        model.Y.Select((y, i) => 1.5 * (Math.Pow(y, 2.0 / 3) * Math.Pow(model.Mu[i], -1.0 / 6) - Math.Sqrt(model.Mu[i])) / Math.Sqrt(phi * (1 - model.Hat[i]))).ToArray();

    /// <summary>algo.farrington.assign.weights: γ s⁻² above the threshold, γ at or below it, γ = n / Σ (those before γ).</summary>
    private static double[] Weights(double[] s, double threshold)
    {
        var sum = s.Sum(v => v > threshold ? Math.Pow(v, -2) : 1);
        var gamma = s.Length / sum;
        return s.Select(v => v > threshold ? gamma * Math.Pow(v, -2) : gamma).ToArray();
    }

    /// <summary>
    /// The upper end of the interval for a power-transformed count: (μ₀^e + z·se)^(1/e), where
    /// se² = c(μ₀)·(φ + se(μ₀)²/μ₀) with c = μ₀ (no transform), 1/4 (square root) or (4/9)μ₀^(1/3) (2/3 power).
    /// As R sorts the two ends with NaN first, a NaN (negative base) lower end leaves the upper one, and the larger end
    /// is the upper one.
    /// </summary>
    public static double PowerBound(double mu0, double seMu0, double phi, string powertrans, double z)
    {
        var tau = phi + seMu0 * seMu0 / mu0;
        var (se, exponent) = powertrans switch
        {
            "none" => (Math.Sqrt(mu0 * tau), 1.0),
            "1/2" => (Math.Sqrt(0.25 * tau), 0.5),
            _ => (Math.Sqrt(4.0 / 9 * Math.Pow(mu0, 1.0 / 3) * tau), 2.0 / 3),
        };
        var lower = Math.Pow(Math.Pow(mu0, exponent) - z * se, 1 / exponent);
        var upper = Math.Pow(Math.Pow(mu0, exponent) + z * se, 1 / exponent);
        return double.IsNaN(upper) ? lower : double.IsNaN(lower) ? upper : Math.Max(lower, upper);
    }

    public static readonly string[] PowerTransformations = ["2/3", "1/2", "none"];

    /// <summary>The limit54 rule: at least <paramref name="cases"/> in the last <paramref name="weeks"/> weeks (to t); null (NA) when one is missing.</summary>
    public static bool? EnoughCases(IReadOnlyList<double> counts, int t, double cases, int weeks)
    {
        var sum = 0.0;
        for (var i = Math.Max(0, t - weeks + 1); i <= t; i++) sum += counts[i];
        return double.IsNaN(sum) ? null : sum >= cases;
    }

    /// <summary>
    /// The week <paramref name="years"/> calendar years before <paramref name="day"/>, as R finds it for a dated weekly
    /// series: the same month and day that many years back (29 February becoming 1 March, as R's date arithmetic
    /// normalises it), moved to the nearest date on the same weekday as <paramref name="day"/>.
    /// </summary>
    public static DateOnly YearsBack(DateOnly day, int years)
    {
        var year = day.Year - years;
        var back = day is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 3, 1) : new DateOnly(year, day.Month, day.Day);
        var forward = ((int)day.DayOfWeek - (int)back.DayOfWeek + 7) % 7;
        return forward < 7 - forward ? back.AddDays(forward) : back.AddDays(forward - 7);
    }

    /// <summary>qnorm(p).</summary>
    public static double Z(double p) => Normal.InvCDF(0, 1, p);
}
