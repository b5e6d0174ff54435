using MathNet.Numerics;

namespace Kith.Insights.Detection;

/// <summary>
/// A quasi-Poisson GLM with log link, fitted as R's <c>glm.fit</c> fits it, because the Farrington methods are only
/// reproducible to 1e-6 if the iterations are R's: start at μ = y + 0.1, iteratively reweighted least squares (by a
/// Householder QR), stop when |dev − dev_old| / (|dev| + 0.1) &lt; 1e-8 or after 25 iterations, halve a step whose
/// deviance is not finite; μ and dμ/dη are floored at the machine epsilon. As in R, the working weights, the QR (hence
/// the covariance and the hat values) are those of the last least-squares step, while μ and the residuals are those
/// after it; the dispersion is Pearson's, Σ w·r² / (n − p) over the cases with positive weight.
/// </summary>
internal sealed class QuasiPoisson
{
    private const double Epsilon = 1e-8;
    private const int MaxIterations = 25;
    private static readonly double MachineEpsilon = Math.Pow(2, -52);

    private readonly double[] rInverse; // p × p, row-major, upper triangular: R⁻¹ of the last weighted QR
    private readonly double[] residuals; // the working residuals (y − μ)/μ

    public double[] Coefficients { get; }
    public double[] Mu { get; }
    public double[] Y { get; }
    public bool Converged { get; }
    /// <summary>Pearson's dispersion, as R's summary.glm estimates it (NaN without residual degrees of freedom).</summary>
    public double Dispersion { get; }
    public int DegreesOfFreedom { get; }
    /// <summary>The diagonal of the hat matrix of the last weighted fit, set to 1 within 10ε of 1 as R's lm.influence does.</summary>
    public double[] Hat { get; }

    private QuasiPoisson(double[] y, double[] coefficients, double[] mu, bool converged, double dispersion, int df, double[] rInverse, double[] hat, double[] residuals)
    {
        (Y, Coefficients, Mu, Converged, Dispersion, DegreesOfFreedom, this.rInverse, Hat, this.residuals) = (y, coefficients, mu, converged, dispersion, df, rInverse, hat, residuals);
    }

    /// <summary>Fits y on the design (rows are cases; include the intercept column), with optional prior weights and offset.</summary>
    public static QuasiPoisson Fit(double[][] design, double[] y, double[]? weights = null, double[]? offset = null)
    {
        int n = y.Length, p = design[0].Length;
        weights ??= Enumerable.Repeat(1.0, n).ToArray();
        offset ??= new double[n];
        var eta = y.Select(v => Math.Log(v + 0.1)).ToArray();
        var mu = eta.Select(Mean).ToArray();
        var devOld = Deviance(y, mu, weights);
        double[]? coefOld = null;
        var coef = new double[p];
        var working = new double[n];
        double[] r = [];
        var converged = false;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var rows = new List<double[]>(n);
            var z = new List<double>(n);
            for (var i = 0; i < n; i++)
            {
                var muEta = Mean(eta[i]);
                var w = Math.Sqrt(weights[i] * muEta * muEta / mu[i]);
                working[i] = weights[i] > 0 ? w * w : 0;
                if (weights[i] <= 0) continue;
                rows.Add(design[i].Select(x => x * w).ToArray());
                z.Add(w * (eta[i] - offset[i] + (y[i] - mu[i]) / muEta));
            }
            (coef, r) = LeastSquares(rows, z.ToArray(), p);
            var dev = Update(design, coef, offset, y, weights, eta, mu);
            for (var halving = 1; !double.IsFinite(dev) || !mu.All(double.IsFinite); halving++)
            {
                // R halves towards the previous coefficients; without any it gives up (no valid starting values).
                if (coefOld is null || halving > MaxIterations) throw new DetectionException("The quasi-Poisson fit found no valid coefficients (as R's glm.fit stops).");
                coef = coef.Zip(coefOld, (a, b) => (a + b) / 2).ToArray();
                dev = Update(design, coef, offset, y, weights, eta, mu);
            }
            if (Math.Abs(dev - devOld) / (0.1 + Math.Abs(dev)) < Epsilon) { converged = true; break; }
            devOld = dev;
            coefOld = coef;
        }

        var rInverse = InvertUpper(r, p);
        double pearson = 0;
        var hat = new double[n];
        var residuals = new double[n];
        var used = 0;
        for (var i = 0; i < n; i++)
        {
            if (weights[i] > 0) used++;
            var residual = residuals[i] = (y[i] - mu[i]) / Mean(eta[i]);
            if (working[i] > 0) pearson += working[i] * residual * residual;
            var h = working[i] * Quadratic(rInverse, design[i], p);
            hat[i] = h > 1 - 10 * MachineEpsilon ? 1 : h;
        }
        var df = used - p;
        return new QuasiPoisson(y, coef, mu, converged, df > 0 ? pearson / df : double.NaN, df, rInverse, hat, residuals);
    }

    /// <summary>The linear predictor at x (with its offset) and its standard error, scaled by √dispersion, as predict.glm on the link scale.</summary>
    public (double Eta, double Se) PredictLink(double[] x, double offset, double dispersion)
    {
        var eta = offset;
        for (var j = 0; j < x.Length; j++) eta += x[j] * Coefficients[j];
        return (eta, Math.Sqrt(Quadratic(rInverse, x, x.Length) * dispersion));
    }

    /// <summary>As predict.glm with type "response": μ = max(e^η, ε) and the delta-method standard error se(η)·μ.</summary>
    public (double Fit, double Se) PredictResponse(double[] x, double offset, double dispersion)
    {
        var (eta, se) = PredictLink(x, offset, dispersion);
        var fit = Mean(eta);
        return (fit, se * fit);
    }

    /// <summary>
    /// Σ v·r² / (n − p) with the working residuals r = (y − μ)/μ: summary.glm's dispersion when the model's
    /// <c>weights</c> have been replaced by <paramref name="weights"/> (farringtonFlexible does that to a reweighted fit).
    /// </summary>
    public double DispersionWith(double[] weights)
    {
        if (DegreesOfFreedom <= 0) return double.NaN;
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
            if (weights[i] > 0) sum += weights[i] * residuals[i] * residuals[i];
        return sum / DegreesOfFreedom;
    }

    /// <summary>summary.glm's two-sided p-value for coefficient j: a t test on n − p degrees of freedom with the given dispersion.</summary>
    public double PValue(int j, double dispersion)
    {
        if (DegreesOfFreedom <= 0) return double.NaN;
        var p = Coefficients.Length;
        var variance = 0.0;
        for (var k = j; k < p; k++) variance += rInverse[j * p + k] * rInverse[j * p + k];
        var t = Coefficients[j] / Math.Sqrt(dispersion * variance);
        double df = DegreesOfFreedom, t2 = t * t;
        // As R's pt computes it: while t² < df, through the upper tail of Beta(1/2, df/2) at t²/(df + t²), taken as
        // 0.5 − I + 0.5 as R's incomplete beta takes it. A trend estimate that is rounding noise (a symmetric
        // reference window) gives a t of about 1e-16, and whether p is 1 or just below it is what a trend test at
        // pThresholdTrend = 1 decides on; this rounds where R rounds.
        return double.IsNaN(t) ? double.NaN
            : df > t2 ? 0.5 - SpecialFunctions.BetaRegularized(0.5, df / 2, t2 / (df + t2)) + 0.5
            : SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t2));
    }

    /// <summary>R's quasi-Poisson log link: the inverse (and its derivative) never below the machine epsilon.</summary>
    private static double Mean(double eta) => Math.Max(Math.Exp(eta), MachineEpsilon);

    private static double Update(double[][] design, double[] coef, double[] offset, double[] y, double[] weights, double[] eta, double[] mu)
    {
        for (var i = 0; i < y.Length; i++)
        {
            var e = offset[i];
            for (var j = 0; j < coef.Length; j++) e += design[i][j] * coef[j];
            eta[i] = e;
            mu[i] = Mean(e);
        }
        return Deviance(y, mu, weights);
    }

    /// <summary>The Poisson deviance Σ 2w(y log(y/μ) − (y − μ)), with y log y = 0 at y = 0.</summary>
    private static double Deviance(double[] y, double[] mu, double[] weights)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Length; i++)
            sum += 2 * weights[i] * ((y[i] != 0 ? y[i] * Math.Log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
        return sum;
    }

    /// <summary>Least squares by Householder QR; returns the coefficients and R (p × p, row-major). A rank-deficient design is refused.</summary>
    private static (double[] Coef, double[] R) LeastSquares(List<double[]> rows, double[] z, int p)
    {
        var n = rows.Count;
        if (n < p) throw new DetectionException($"The model has {p} coefficients but only {n} usable weeks.");
        var a = new double[n, p];
        for (var i = 0; i < n; i++) for (var j = 0; j < p; j++) a[i, j] = rows[i][j];
        var b = (double[])z.Clone();
        for (var j = 0; j < p; j++)
        {
            double norm = 0, original = 0;
            for (var i = j; i < n; i++) norm += a[i, j] * a[i, j];
            for (var i = 0; i < n; i++) original += rows[i][j] * rows[i][j];
            norm = Math.Sqrt(norm);
            // R's dqrdc2 would pivot such a column out (tolerance 1e-11) and report its coefficient as NA.
            if (norm <= 1e-11 * Math.Sqrt(original) || norm == 0) throw new DetectionException("The model's design is singular (R would report an aliased coefficient).");
            var alpha = a[j, j] > 0 ? -norm : norm;
            var v0 = a[j, j] - alpha;
            a[j, j] = alpha;
            // Reflect the remaining columns and z with v = (v0, a[j+1.., j]).
            var vv = v0 * v0;
            for (var i = j + 1; i < n; i++) vv += a[i, j] * a[i, j];
            for (var k = j + 1; k < p; k++) Reflect(a, j, k, v0, vv, n);
            var s = v0 * b[j];
            for (var i = j + 1; i < n; i++) s += a[i, j] * b[i];
            s = 2 * s / vv;
            b[j] -= s * v0;
            for (var i = j + 1; i < n; i++) b[i] -= s * a[i, j];
        }
        var r = new double[p * p];
        for (var i = 0; i < p; i++) for (var j = i; j < p; j++) r[i * p + j] = a[i, j];
        var coef = new double[p];
        for (var i = p - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var j = i + 1; j < p; j++) s -= r[i * p + j] * coef[j];
            coef[i] = s / r[i * p + i];
        }
        return (coef, r);
    }

    private static void Reflect(double[,] a, int j, int k, double v0, double vv, int n)
    {
        var s = v0 * a[j, k];
        for (var i = j + 1; i < n; i++) s += a[i, j] * a[i, k];
        s = 2 * s / vv;
        a[j, k] -= s * v0;
        for (var i = j + 1; i < n; i++) a[i, k] -= s * a[i, j];
    }

    private static double[] InvertUpper(double[] r, int p)
    {
        var inverse = new double[p * p];
        for (var col = 0; col < p; col++)
        {
            inverse[col * p + col] = 1 / r[col * p + col];
            for (var i = col - 1; i >= 0; i--)
            {
                var s = 0.0;
                for (var k = i + 1; k <= col; k++) s += r[i * p + k] * inverse[k * p + col];
                inverse[i * p + col] = -s / r[i * p + i];
            }
        }
        return inverse;
    }

    /// <summary>‖x R⁻¹‖²: x (XᵀWX)⁻¹ xᵀ from the QR, as predict.lm and lm.influence compute it.</summary>
    private static double Quadratic(double[] rInverse, double[] x, int p)
    {
        var sum = 0.0;
        for (var col = 0; col < p; col++)
        {
            var s = 0.0;
            for (var k = 0; k <= col; k++) s += x[k] * rInverse[k * p + col];
            sum += s * s;
        }
        return sum;
    }
}
