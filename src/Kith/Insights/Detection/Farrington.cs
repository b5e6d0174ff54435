namespace Kith.Insights.Detection;

/// <summary>
/// The Farrington method (Farrington, Andrews, Beale and Catchpole 1996) as R surveillance's <c>farrington</c>
/// (<c>algo.farrington</c>, its default fast fit) defines it, checked against R at test time (DetectionAgainstRTests).
/// For each monitored week t of a weekly series: the reference weeks are the 2w + 1 weeks around the same week in each
/// of the b previous years; a quasi-Poisson GLM with a linear trend in the week's position is fitted to their counts,
/// past outbreaks down-weighted (Anscombe residuals above 1 get weight ∝ s⁻²); the trend is kept only if b ≥ 3, its
/// t-test p-value is below 0.05 and it does not predict beyond the largest reference count. The bound is the upper end
/// of a two-sided (1 − α) interval — z = qnorm(1 − α/2), as in R — for the 2/3-power (or ½, or no) transformed count,
/// with the prediction's standard error at φ = max(dispersion, 1). Quirks kept: fewer than limit54 cases (5) in the last
/// 4 weeks gives a bound of 0 and no alarm; an alarm is (y − μ₀)/(U − μ₀) &gt; 1; a fit that does not converge with the
/// trend is redone without it, and one without the trend is used even unconverged. The expected value is μ₀ (R keeps it
/// internal). Weeks a year back: by the calendar for a dated series (R's <c>epochAsDate</c>), else 52 points per year;
/// reference weeks before the series starts are left out, as in R.
/// </summary>
internal static class Farrington
{
    /// <summary>Runs farrington or farringtonFlexible from the first monitored index (0-based) to the end; null starts at the first week with a full b-year history.</summary>
    public static Detection Run(CountSeries series, FarringtonOptions options, int? firstMonitored)
    {
        options.Check();
        var dates = series.Dates;
        if (options.EpochAsDate && dates.Zip(dates.Skip(1)).Any(d => d.Second.DayNumber - d.First.DayNumber != 7))
            throw new DetectionException($"{options.Method} needs a weekly series: dates 7 days apart (or epochAsDate=FALSE to count 52 points a year).");
        if (options.Flexible && options.PopulationOffset && series.Population is null)
            throw new DetectionException("populationOffset=TRUE needs a population column in the input.");
        var full = Enumerable.Range(0, dates.Count).Cast<int?>().FirstOrDefault(t => HasHistory(series, t!.Value, options))
            ?? throw new DetectionException($"The series is too short for {options.Method} with b={options.Years}: it needs {options.Years} years and {options.W} weeks of history before a monitored week.");
        // farringtonFlexible's default range is R's by row: freq·b + w + 1 (1-based) to the end, even where the calendar
        // puts the oldest reference weeks before the series (they are left out, as in R).
        if (options.Flexible && 52 * options.Years + options.W is var byRow && byRow < full) full = byRow;
        var first = firstMonitored ?? full;
        if (first >= dates.Count) throw new DetectionException("The first monitored point is after the end of the series.");
        if (options.Flexible && first < full)
            throw new DetectionException($"farringtonFlexible needs {options.Years} years and {options.W} weeks of history before the first monitored week: the first possible is {dates[full]:yyyy-MM-dd}.");
        var points = new List<DetectionPoint>(dates.Count - first);
        for (var t = first; t < dates.Count; t++)
            points.Add(options.Flexible ? FarringtonFlexible.Point(series, t, options) : Point(series, t, options));
        return new Detection(options.Method, points);
    }

    /// <summary>The index of the week <paramref name="years"/> years before t: by the calendar, or 52 points per year; null when the series does not have it.</summary>
    public static int? YearsBack(CountSeries series, int t, int years, bool byCalendar)
    {
        if (!byCalendar) return t - 52 * years is var i && i >= 0 ? i : null;
        var back = (FarringtonModel.YearsBack(series.Dates[t], years).DayNumber - series.Dates[0].DayNumber) / 7;
        return back >= 0 ? back : null; // a weekly series: the date's index is its distance from the first in weeks
    }

    private static bool HasHistory(CountSeries series, int t, FarringtonOptions options) =>
        YearsBack(series, t, options.Years, options.EpochAsDate) is { } i && i - options.W >= 0;

    /// <summary>The reference weeks in R's order: by index the oldest year first, by the calendar the latest year first.</summary>
    private static List<int> ReferenceWeeks(CountSeries series, int t, FarringtonOptions options)
    {
        var weeks = new List<int>();
        var years = options.EpochAsDate ? Enumerable.Range(1, options.Years) : Enumerable.Range(1, options.Years).Reverse();
        foreach (var year in years)
        {
            var centre = options.EpochAsDate
                ? (FarringtonModel.YearsBack(series.Dates[t], year).DayNumber - series.Dates[0].DayNumber) / 7
                : t - 52 * year;
            for (var i = centre - options.W; i <= centre + options.W; i++)
                if (i >= 0) weeks.Add(i);
        }
        return weeks;
    }

    private static DetectionPoint Point(CountSeries series, int t, FarringtonOptions options)
    {
        var counts = series.Counts;
        var weeks = ReferenceWeeks(series, t, options);
        var y = weeks.Select(i => counts[i]).ToArray();
        if (y.Any(double.IsNaN))
            throw new DetectionException($"farrington cannot fit {series.Dates[t]:yyyy-MM-dd}: a reference week has no count (R's algo.farrington stops there; farringtonFlexible leaves such weeks out).");
        double[][] Design(bool trend) => weeks.Select(i => trend ? new[] { 1.0, i + 1 } : [1.0]).ToArray();
        double[] Now(bool trend) => trend ? [1.0, t + 1] : [1.0];

        var fit = FarringtonModel.Fit(Design, y, null, options.Trend, options.Reweight, weightsThreshold: 1, giveUpUnconverged: false)!;
        if (fit.HasTrend)
        {
            var significant = fit.Model.PValue(1, fit.Model.Dispersion) < 0.05;
            var mu0 = fit.Model.PredictResponse(Now(true), 0, 1).Fit;
            if (!(options.Years >= 3 && significant && mu0 <= y.Max()))
                fit = FarringtonModel.Fit(Design, y, null, false, options.Reweight, 1, false)!;
        }
        var (fitted, se) = fit.Model.PredictResponse(Now(fit.HasTrend), 0, fit.Phi);
        var upper = FarringtonModel.PowerBound(fitted, se, fit.Phi, options.PowerTrans, FarringtonModel.Z(1 - options.Alpha / 2));
        var x = counts[t];
        var (bound, alarm) = FarringtonModel.EnoughCases(counts, t, options.Limit54Cases, options.Limit54Weeks) switch
        {
            null => ((double?)null, (bool?)null),
            false => (0, false),
            true => (double.IsNaN(upper) ? null : upper, (x - fitted) / (upper - fitted) is var score && double.IsNaN(score) ? null : score > 1),
        };
        return new DetectionPoint(series.Dates[t], x, fitted, bound, alarm);
    }
}
