using Kith.Insights.Detection;

namespace Kith.Tests.Insights.Detection;

/// <summary>
/// Rnssp's ewma, regression and switch on series small enough to follow by hand. The expected numbers were computed
/// apart from the C#: by hand for the first EWMA day and the exact-fit regression, and otherwise with a transcription
/// of the published formulas in base R (lm, qt, pt only; Rnssp itself is not installed here), pasted as constants:
/// <code>
/// ewma &lt;- function(y, B=28, g=2, w=c(0.4,0.9)) {                      # one row per tested day i (1-based)
///   z &lt;- matrix(NA, length(y), 2); z[1,] &lt;- y[1]; for (i in 2:(7+g)) z[i,] &lt;- w*y[i] + (1-w)*z[i-1,]
///   for (i in (7+g+1):length(y)) {
///     L &lt;- min(i-g-1, B); b &lt;- y[(i-g-L):(i-g-1)]; m &lt;- mean(b); df &lt;- L-1
///     ua &lt;- round(qt(.99, df),5); uw &lt;- round(qt(.95, df),5); corr &lt;- sqrt(w/(2-w) + 1/L - 2*(1-w)^(g+1)*(1-(1-w)^L)/L)
///     sig &lt;- pmax(w/uw*(0.01+0.05*(1-w)^2), sd(b)*corr + (0.1289-(0.2414-0.1826*(1-w)^4)*log(0.5))*w/uw)
///     zn &lt;- w*y[i] + (1-w)*z[i-1,]; st &lt;- (zn-m)/sig; p &lt;- 1-pt(st, df)      # report: m, min p, bound below
///     bound &lt;- min((m + qt(.99,df)*sig - (1-w)*z[i-1,])/w); z[i,] &lt;- ifelse(abs(st) &gt; ua, m + sign(st)*ua*sig, zn) } }
/// reg &lt;- function(y, dates, B=28, g=2) for (i in (11+g+1):length(y)) {
///   L &lt;- min(i-g-1, B); idx &lt;- (i-g-L):(i-g-1); wd &lt;- as.integer(format(dates[idx], "%u"))
///   d &lt;- data.frame(y=y[idx], time=1:L); for (k in 1:6) d[[paste0("d",k)]] &lt;- as.numeric(wd==k)
///   f &lt;- lm(y ~ time+d1+d2+d3+d4+d5+d6, d); df &lt;- L-8
///   sig &lt;- max(sqrt(sum(resid(f)^2)/df)*sqrt((L+7)*(L-4)/(L*(L-7))), 0.01/round(qt(.95,df),5))
///   nd &lt;- data.frame(time=L+g+1); for (k in 1:6) nd[[paste0("d",k)]] &lt;- as.numeric(format(dates[i], "%u")==k)
///   e &lt;- max(0, predict(f, nd)); p &lt;- 1-pt((y[i]-e)/sig, df)                # report: e, p, e+qt(.99,df)*sig, summary(f)$adj.r.squared
/// }
/// </code>
/// </summary>
public sealed class NsspWorkedExamplesTests
{
    private static readonly DateOnly Monday = new(2026, 1, 5);

    /// <summary>A flat series of small counts (mean about 5) with a rise on its last two days: 40 days from a Monday.</summary>
    private static readonly double[] Flat =
        [4, 6, 5, 7, 5, 4, 6, 5, 6, 4, 5, 7, 6, 5, 4, 6, 5, 6, 5, 7, 4, 5, 6, 5, 4, 6, 5, 7, 5, 6, 4, 5, 6, 5, 4, 7, 6, 5, 9, 16];

    /// <summary>20 + 0.3·day + 2·weekday effect (Mon 3, Tue 1, Wed 0, Thu 1, Fri 2, Sat −2, Sun −3) + fixed noise; 6 more on the last day (a Wednesday).</summary>
    private static readonly double[] Weekly =
    [
        27.1, 21.5, 21.2, 24.6, 24.9, 18, 15.2, 29.4, 24.3, 23.7, 24, 28.1, 19.7, 19.1, 29.8, 28, 24.6, 27.5, 28.7, 22.6, 20.7, 32.3, 29.7,
        26, 29.7, 32.9, 23.3, 22.4, 35.3, 30.4, 30.6, 31.5, 33, 26.9, 24.1, 37.1, 31.7, 32.3, 34.2, 35.8, 29.3, 25.9, 39.3, 34.7, 39.7,
    ];

    private static readonly double[] Effect = [3, 1, 0, 1, 2, -2, -3]; // Monday … Sunday

    private static DateOnly[] Days(int n) => Enumerable.Range(0, n).Select(Monday.AddDays).ToArray();

    private static DetectionPoint At(Kith.Insights.Detection.Detection detection, int day) => detection.Points.Single(p => p.Date == Monday.AddDays(day - 1));

    private static void Close(double expected, double? actual, double relative = 1e-9) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    private static double P(DetectionPoint point) => (double)point.Extra[0]!;

    private static string Alert(DetectionPoint point) => (string)point.Extra[1]!;

    [Fact]
    public void Ewma_first_tested_day_worked_by_hand()
    {
        var detection = Nssp.Run("ewma", Days(40), Flat, new NsspOptions());
        // Rnssp tests from day 7 + g + 1 = 10 (1-based), on a baseline of days 1…7 (L = 7, so 6 degrees of freedom):
        //   mean = (4+6+5+7+5+4+6)/7 = 37/7 = 5.285714…, sd = 1.112697…
        //   round(qt(.95, 6), 5) = 1.94318; round(qt(.99, 6), 5) = 3.14267
        //   correction(w) = √(w/(2−w) + 1/7 − 2(1−w)³(1−(1−w)⁷)/7): 0.576949 (w = 0.4), 0.980180 (w = 0.9)
        //   constant(w) = (0.1289 − (0.2414 − 0.1826(1−w)⁴)·ln 0.5)·w/1.94318: 0.057601, 0.137194 (floors 0.0058, 0.0049 do not bind)
        //   sigma = sd·correction + constant: 0.699571, 1.227837
        //   z₉ (EWMAs from z₁ = 4 over days 2…9): 5.514209, 5.908118; z₁₀ = w·4 + (1−w)·z₉: 4.908526, 4.190812
        //   t = (z₁₀ − mean)/sigma: −0.539172, −0.891732; p = 1 − pt(t, 6): 0.695411, 0.796563 → the smaller, 0.695411: blue
        Assert.Equal(Monday.AddDays(9), detection.Points[0].Date);
        var first = detection.Points[0];
        Close(37.0 / 7, first.Expected);
        Close(0.69541134015730044, P(first));
        Assert.Equal("blue", Alert(first));
        Assert.Equal(false, first.Alarm);
        // The count at which either EWMA's p would reach 0.01: min over w of (mean + qt(.99, 6)·sigma − (1−w)·z₉)/w.
        Close(9.5039870014030416, first.UpperBound);
    }

    [Fact]
    public void Ewma_the_rise_turns_red_and_the_smoothed_value_is_pulled_back()
    {
        var detection = Nssp.Run("ewma", Days(40), Flat, new NsspOptions());
        // R: ewma(Flat)[i == 39 and 40]: day 39 (count 9) is red already through the fast EWMA; day 40 (16) more so.
        var day39 = At(detection, 39);
        Close(5.3571428571428568, day39.Expected);
        Close(2.6122900293784612e-03, P(day39), 1e-7);
        Close(8.3265978273023027, day39.UpperBound);
        Assert.Equal(("red", true), (Alert(day39), day39.Alarm));
        var day40 = At(detection, 40);
        Close(4.1793146721147423e-10, P(day40), 1e-4); // 1 − pt(): the cancellation R has too
        // The bound uses the EWMA as pulled back to the 0.99 quantile after day 39; unpulled it would be lower.
        Close(6.7914650471387450, day40.UpperBound);
        Assert.Equal(31, detection.Points.Count); // days 10 … 40
    }

    [Fact]
    public void Ewma_rescales_a_series_of_proportions_by_the_median_of_its_positive_values()
    {
        // Flat/100 is all under 1, so Rnssp divides it by median(positive) = 0.05: it tests Flat/5, whose p differs from
        // Flat's because the sigma constant is not scale-free. R: ewma(Flat/5)[i == 40]: mean 1.0714285714285714,
        // p 7.3711462911241199e-07, bound 1.6554526746882228 — reported here back in the series' units (× 0.05).
        var detection = Nssp.Run("ewma", Days(40), Flat.Select(c => c / 100).ToArray(), new NsspOptions());
        var day40 = At(detection, 40);
        Close(7.3711462911241199e-07, P(day40), 1e-6);
        Close(1.0714285714285714 * 0.05, day40.Expected);
        Close(1.6554526746882228 * 0.05, day40.UpperBound);
    }

    [Fact]
    public void Regression_on_an_exact_trend_with_weekday_effects_forecasts_it_and_sigma_is_the_floor()
    {
        // y = 10 + 0.5·day + effect(weekday), fitted exactly (RSS 0, adjusted R² 1), so the forecast is the truth and
        // sigma is Rnssp's floor 0.01/round(qt(.95, 28 − 8), 5) = 0.01/1.72472 = 0.0057980. Day 40 is a Friday:
        // forecast 10 + 20 + 2 = 32; the count 32.01 gives t = 0.01/0.0057980 = 1.72472 exactly, so p = 1 − pt(1.72472, 20)
        // just under 0.05 (R: 0.049999838573378197): yellow. Its 7-day mean is lower, so the weekend rule leaves it.
        var days = Days(40);
        var counts = days.Select((d, i) => 10 + 0.5 * (i + 1) + Effect[(int)(d.DayOfWeek + 6) % 7]).ToArray();
        counts[39] += 0.01;
        var detection = Nssp.Run("regression", days, counts, new NsspOptions());
        Assert.Equal(Monday.AddDays(13), detection.Points[0].Date); // 11 + g + 1 = day 14
        var day40 = At(detection, 40);
        Close(32, day40.Expected);
        Close(0.049999838573378197, P(day40), 1e-6);
        Assert.Equal(("yellow", false), (Alert(day40), day40.Alarm));
        Close(32 + 2.527977 * 0.01 / 1.72472, day40.UpperBound, 1e-6); // qt(.99, 20) = 2.527977
        Close(0.5, P(At(detection, 39)), 1e-9); // the count is the forecast: t = 0
    }

    [Fact]
    public void Regression_on_a_noisy_weekly_series_matches_lm()
    {
        var detection = Nssp.Run("regression", Days(45), Weekly, new NsspOptions());
        // R: reg(Weekly, dates)[i == 14, 44, 45] — expected, p, bound (the day-14 fit is on an 11-day baseline, 3 df).
        var first = At(detection, 14);
        Close(16.949999999999996, first.Expected);
        Close(1.6904317388418633e-01, P(first), 1e-8);
        Close(25.535138400338347, first.UpperBound, 1e-8);
        var day44 = At(detection, 44);
        Close(35.239285714285707, day44.Expected);
        Close(6.9362905057416113e-01, P(day44), 1e-8);
        Close(37.890551980028917, day44.UpperBound, 1e-8);
        var day45 = At(detection, 45); // the Wednesday with 6 more
        Close(33.685714285714283, day45.Expected);
        Close(5.8592824738745719e-06, P(day45), 1e-5);
        Assert.Equal(("red", true), (Alert(day45), day45.Alarm));
    }

    [Fact]
    public void Regression_weekend_rule_turns_alerts_under_the_moving_averages_blue()
    {
        // y = 200 − 2·day + effect: a falling exact trend. Saturday day 48 and Sunday day 49 are 0.05 over their forecasts
        // (102, 99): t = 0.05/0.0057980 = 8.62, p = 1.79e-8, red by p — but each is under its 7-day mean and under the mean
        // of its weekday's last 7 (all higher, the trend falls), so Rnssp turns them blue. R: p 1.7932531348741065e-08.
        var days = Days(50);
        var counts = days.Select((d, i) => 200 - 2.0 * (i + 1) + Effect[(int)(d.DayOfWeek + 6) % 7]).ToArray();
        counts[47] += 0.05;
        counts[48] += 0.05;
        var detection = Nssp.Run("regression", days, counts, new NsspOptions());
        foreach (var day in new[] { 48, 49 })
        {
            var point = At(detection, day);
            Close(1.7932531348741065e-08, P(point), 1e-4);
            Assert.Equal(("blue", false), (Alert(point), point.Alarm));
        }
        // Rising instead, the same excess stays red.
        var rising = days.Select((d, i) => 2.0 * (i + 1) + Effect[(int)(d.DayOfWeek + 6) % 7]).ToArray();
        rising[47] += 0.05;
        Assert.Equal("red", Alert(At(Nssp.Run("regression", days, rising, new NsspOptions()), 48)));
    }

    [Fact]
    public void Switch_takes_the_regression_where_its_adjusted_r2_reaches_060_else_the_ewma()
    {
        // Weekly: R's adjusted R² of every baseline fit is 0.92…0.97, so from day 14 on the switch is the regression;
        // days 10…13, before the regression's first test, are the EWMA's, as in Rnssp.
        var weekly = Nssp.Run("switch", Days(45), Weekly, new NsspOptions());
        var regression = Nssp.Run("regression", Days(45), Weekly, new NsspOptions());
        var ewma = Nssp.Run("ewma", Days(45), Weekly, new NsspOptions());
        Assert.All(weekly.Points.Take(4), p => Assert.Equal("ewma", p.Extra[2]));
        Assert.Equal(regression.Points, weekly.Points.Skip(4), PointComparer);
        Assert.Equal(ewma.Points.Take(4), weekly.Points.Take(4), PointComparer);
        // Flat: adjusted R² between −0.22 and 0.20 (R), so every day is the EWMA's.
        var flat = Nssp.Run("switch", Days(40), Flat, new NsspOptions());
        Assert.Equal(Nssp.Run("ewma", Days(40), Flat, new NsspOptions()).Points, flat.Points, PointComparer);
        // With the threshold lowered under −0.22, the regression takes every day it tests.
        var lowered = Nssp.Run("switch", Days(40), Flat, new NsspOptions(R2Threshold: -0.3));
        Assert.All(lowered.Points.Skip(4), p => Assert.Equal("regression", p.Extra[2]));
    }

    private static readonly IEqualityComparer<DetectionPoint> PointComparer = EqualityComparer<DetectionPoint>.Create(
        (a, b) => a!.Date == b!.Date && a.Expected == b.Expected && a.UpperBound == b.UpperBound && a.Extra.SequenceEqual(b.Extra),
        p => p.Date.GetHashCode());
}
