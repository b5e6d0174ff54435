namespace Kith.Insights.Evaluation;

/// <summary>
/// Student's t distribution, for the confidence interval of a paired mean change: the distribution function through
/// the regularised incomplete beta function (Abramowitz &amp; Stegun 26.7.1, 26.5.8), the quantile by bisection on it.
/// Plain arithmetic so the interval does not depend on a statistics library; checked against R's <c>qt</c> in the tests.
/// </summary>
internal static class StudentT
{
    /// <summary>P(T ≤ t) for <paramref name="degrees"/> degrees of freedom (any positive real).</summary>
    public static double Cdf(double t, double degrees)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degrees);
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsInfinity(t)) return t > 0 ? 1 : 0;
        var tail = 0.5 * IncompleteBeta(degrees / (degrees + t * t), degrees / 2, 0.5); // P(T > |t|)
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="p"/>; e.g. <c>Quantile(0.975, 10)</c> = 2.228138851986.</summary>
    public static double Quantile(double p, double degrees)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degrees);
        if (p is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), "A quantile needs 0 < p < 1.");
        if (p < 0.5) return -Quantile(1 - p, degrees);
        if (p == 0.5) return 0;
        // Closed forms where they exist; bisection on the distribution function otherwise (it is monotone).
        if (degrees == 1) return Math.Tan(Math.PI * (p - 0.5));
        if (degrees == 2) return (2 * p - 1) / Math.Sqrt(2 * p * (1 - p));
        double low = 0, high = 1;
        while (Cdf(high, degrees) < p) (low, high) = (high, high * 2);
        for (var i = 0; i < 200 && high - low > 1e-15 * Math.Max(1, high); i++)
        {
            var middle = (low + high) / 2;
            if (Cdf(middle, degrees) < p) low = middle; else high = middle;
        }
        return (low + high) / 2;
    }

    /// <summary>The regularised incomplete beta function I_x(a, b), by its continued fraction (Lentz's method).</summary>
    internal static double IncompleteBeta(double x, double a, double b)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        // The fraction converges fast for x < (a+1)/(a+b+2); use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) otherwise.
        return x < (a + 1) / (a + b + 2) ? front * Fraction(x, a, b) / a : 1 - front * Fraction(1 - x, b, a) / b;
    }

    private static double Fraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.Abs(d) < tiny ? tiny : d);
        var h = d;
        for (var m = 1; m <= 1000; m++)
        {
            // Two steps of the fraction per m: the even term, then the odd one.
            var even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + even * d; d = 1 / (Math.Abs(d) < tiny ? tiny : d);
            c = 1 + even / c; c = Math.Abs(c) < tiny ? tiny : c;
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + odd * d; d = 1 / (Math.Abs(d) < tiny ? tiny : d);
            c = 1 + odd / c; c = Math.Abs(c) < tiny ? tiny : c;
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < 1e-16) break;
        }
        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0, Lanczos' approximation (g = 7, nine terms; relative error near 1e-15).</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
}
