using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Kith.Insights.Detection;

/// <summary>
/// Rnssp's <c>alert_regression</c> (adaptive multiple regression; <c>adaptive_regression</c> as on CDCgov/Rnssp's
/// master, commit ae5ba22, Apache-2.0), from its definition: from day 11 + g on, a least-squares fit of
/// y = b₀ + b₁·time + Monday…Saturday dummies (Sunday the reference) to a baseline that ends g days before and grows
/// from 11 to B days; the forecast at time L + g + 1 with the day's dummy, at least 0; sigma = √(RSS/(L − 8)) ·
/// √((L+7)(L−4)/(L(L−7))), at least 0.01 over the rounded t quantile at 0.95; p the upper-tail Student-t p on L − 8
/// degrees of freedom. Then Rnssp's weekend rule: a red or yellow day whose count is under its 7-day moving average
/// turns blue — on a Saturday or Sunday only if it is also under the mean of the last 7 of the same weekday.
/// </summary>
internal static class NsspRegression
{
    private const int MinBaseline = 11, Terms = 8;

    /// <summary>The first day (0-based) Rnssp tests.</summary>
    public static int FirstTested(NsspOptions o) => MinBaseline + o.G;

    public static NsspTest?[] Run(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> counts, NsspOptions o)
    {
        var tests = new NsspTest?[counts.Count];
        for (var t = FirstTested(o); t < counts.Count; t++)
        {
            var length = Math.Min(t - o.G, o.B);
            tests[t] = Test(dates, counts, t - o.G - length, length, t, o);
        }
        return Weekends(dates, counts, tests);
    }

    private static NsspTest Test(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> counts, int start, int length, int t, NsspOptions o)
    {
        var design = Matrix<double>.Build.Dense(length, Terms, (r, c) => c switch
        {
            0 => 1,
            1 => r + 1,
            _ => Weekday(dates[start + r]) == c - 1 ? 1 : 0, // columns 2…7: Monday (1) … Saturday (6)
        });
        var observed = Vector<double>.Build.Dense(length, r => counts[start + r]);
        var qr = design.QR();
        if (!qr.IsFullRank)
            throw new DetectionException($"The regression's baseline before {dates[t]:yyyy-MM-dd} lacks a day of the week: it needs daily counts.");
        var beta = qr.Solve(observed);
        var fitted = design * beta;
        var rss = (observed - fitted).PointwisePower(2).Sum();
        var mss = (fitted - fitted.Average()).PointwisePower(2).Sum();
        var df = length - Terms;
        var r2 = mss / (rss + mss);
        var r2Adjusted = 1 - (1 - r2) * ((length - 1.0) / df);
        if (double.IsNaN(r2Adjusted)) r2Adjusted = 0; // a flat baseline: 0/0, which Rnssp reads as no fit
        var floor = 0.01 / NsspAlert.RoundedQuantile(0.95, df);
        var sigma = Math.Max(Math.Sqrt(rss / df) * Math.Sqrt((length + 7.0) * (length - 4) / (length * (length - 7.0))), floor);
        var weekday = Weekday(dates[t]);
        var expected = Math.Max(0, beta[0] + (length + o.G + 1) * beta[1] + (weekday < 7 ? beta[weekday + 1] : 0));
        var p = 1 - StudentT.CDF(0, 1, df, (counts[t] - expected) / sigma); // as R's 1 - pt()
        var bound = expected + StudentT.InvCDF(0, 1, df, 1 - o.Red) * sigma;
        return new NsspTest(expected, bound, p, NsspAlert.Colour(p, o), "regression", r2Adjusted);
    }

    /// <summary>ISO weekday, as R's format(date, "%u"): Monday 1 … Sunday 7.</summary>
    private static int Weekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    /// <summary>Rnssp's rule against alerts on a low day: the 7-day moving average ends at the day itself; a weekend day
    /// is compared also with the mean of that weekday's last 7 occurrences. Where a mean lacks days the alert stays.</summary>
    private static NsspTest?[] Weekends(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> counts, NsspTest?[] tests)
    {
        for (var t = 6; t < tests.Length; t++)
        {
            if (tests[t] is not { Alert: not NsspAlert.Blue } test || !(counts[t] < Mean(counts, t - 6, t))) continue;
            var weekend = Weekday(dates[t]) >= 6;
            if (weekend)
            {
                var same = Enumerable.Range(0, t + 1).Where(i => dates[i].DayOfWeek == dates[t].DayOfWeek).TakeLast(7).ToArray();
                if (same.Length < 7 || !(counts[t] < same.Average(i => counts[i]))) continue;
            }
            tests[t] = test with { Alert = NsspAlert.Blue };
        }
        return tests;
    }

    private static double Mean(IReadOnlyList<double> counts, int from, int to) => Enumerable.Range(from, to - from + 1).Average(i => counts[i]);
}
