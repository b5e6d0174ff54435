namespace Kith.Insights.Detection;

/// <summary>
/// CDC NSSP / ESSENCE's daily detectors as the Rnssp package defines them: <c>ewma</c> (alert_ewma), <c>regression</c>
/// (alert_regression) and <c>switch</c> (alert_switch: the regression where its baseline fit's adjusted R² reaches
/// <c>r2_threshold</c>, else the EWMA — also on the days before the regression's first test, as in Rnssp).
/// Each tested day is a point: expected is the method's prediction; upperbound the count at which p would reach the red
/// cut-off; alarm is red; the extra cells are p, Rnssp's colour (red, yellow, blue) and the detector that spoke.
/// Rnssp tests from day 7 + g (EWMA) or 11 + g (regression) on, with a baseline growing to B; earlier days are not points.
/// </summary>
internal static class Nssp
{
    public static readonly string[] Methods = ["ewma", "regression", "switch"];

    public static Detection Run(string method, IReadOnlyList<DateOnly> dates, IReadOnlyList<double> counts, NsspOptions options, int? firstMonitored = null)
    {
        if (!Methods.Contains(method)) throw new DetectionException($"NSSP methods are {string.Join(", ", Methods)}, not '{method}'.");
        options.Check(method, counts.Count);
        if (counts.Any(double.IsNaN)) throw new DetectionException($"{method} needs every day's count: Rnssp's detectors have no rule for a missing one.");
        var tests = method switch
        {
            "ewma" => NsspEwma.Run(counts, options),
            "regression" => NsspRegression.Run(dates, counts, options),
            _ => Switch(NsspRegression.Run(dates, counts, options), NsspEwma.Run(counts, options), options),
        };
        var firstTested = Array.FindIndex(tests, t => t is not null);
        var first = firstMonitored ?? firstTested;
        if (first < firstTested)
            throw new DetectionException($"{method} with g={options.G} tests from {dates[firstTested]:yyyy-MM-dd} on (its first baseline needs the days before).");
        var points = new List<DetectionPoint>(counts.Count - first);
        for (var t = first; t < counts.Count; t++)
        {
            var test = tests[t]!;
            points.Add(new DetectionPoint(dates[t], counts[t], test.Expected, test.RedBound, test.Alert == NsspAlert.Red)
            {
                Extra = [test.P, test.Alert, test.Detector],
            });
        }
        return new Detection(method, points) { ExtraColumns = ["p", "alert", "detector"] };
    }

    /// <summary>Rnssp's switch: the regression's day where its fit is good enough, else the EWMA's day.</summary>
    private static NsspTest?[] Switch(NsspTest?[] regression, NsspTest?[] ewma, NsspOptions options) =>
        regression.Select((r, t) => r is not null && r.R2Adjusted >= options.R2Threshold ? r : ewma[t]).ToArray();
}
