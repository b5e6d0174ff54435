using System.Globalization;
using Kith.Insights.Detection;

namespace InsightsBench;

/// <summary>
/// Kith's answers against R's, point by point, on the series R ran: alarms identical (TRUE, FALSE or NA), upper bounds
/// (and farringtonFlexible's expected values) within 1e-6 × max(1, |R's value|) — the tolerance of the R-agreement
/// tests — NA where R says NA. A series that stopped must have stopped on both sides.
/// </summary>
internal sealed class Agreement
{
    public int Series { get; private set; }
    public int SeriesIdentical { get; private set; }
    public long Points { get; private set; }
    public long AlarmsIdentical { get; private set; }
    public long BoundsAgree { get; private set; }
    public long ExpectedAgree { get; private set; }
    public long RAlarms { get; private set; }
    public long KithAlarms { get; private set; }
    public long BoundsNa { get; private set; }
    public int StoppedBoth { get; private set; }
    /// <summary>Points whose count equals R's bound exactly (a flat baseline of zeros: bound 0, count 0): no alarm on either side.</summary>
    public long AtBound { get; private set; }
    public List<string> Mismatches { get; } = [];
    public List<string> NearThreshold { get; } = [];
    public bool CompareExpected { get; }

    private Agreement(bool compareExpected) => CompareExpected = compareExpected;

    public static Agreement Compare(string rResults, string rErrors, string method, IReadOnlyDictionary<int, Outcome> ours, bool compareExpected)
    {
        var agreement = new Agreement(compareExpected);
        var theirs = Rows(rResults).GroupBy(r => int.Parse(r["series"], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToList());
        var stopped = Rows(rErrors).Where(r => r["method"] == method).ToDictionary(r => int.Parse(r["series"], CultureInfo.InvariantCulture), r => r["message"]);
        foreach (var (number, outcome) in ours.OrderBy(o => o.Key))
            agreement.CompareSeries(number, outcome, theirs.GetValueOrDefault(number), stopped.GetValueOrDefault(number));
        return agreement;
    }

    private void CompareSeries(int number, Outcome outcome, List<Dictionary<string, string>>? theirs, string? theirError)
    {
        Series++;
        if (outcome.Detection is null || theirs is null)
        {
            if (outcome.Detection is null && theirs is null) { StoppedBoth++; SeriesIdentical++; return; }
            Mismatches.Add($"series {number}: " + (outcome.Detection is null ? $"Kith stopped ({outcome.Error}), R did not" : $"R stopped ({theirError}), Kith did not"));
            return;
        }
        var points = outcome.Detection.Points;
        if (points.Count != theirs.Count) { Mismatches.Add($"series {number}: Kith {points.Count} points, R {theirs.Count}"); return; }
        var identical = true;
        for (var i = 0; i < points.Count; i++)
        {
            var (point, r) = (points[i], theirs[i]);
            var where = $"series {number} {point.Date:yyyy-MM-dd}";
            Points++;
            if (r["date"] != point.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { Mismatches.Add($"{where}: R's row is {r["date"]}"); identical = false; continue; }
            var alarm = r["alarm"] switch { "TRUE" => true, "FALSE" => false, _ => (bool?)null };
            var bound = Number(r["upperbound"]);
            if (alarm == true) RAlarms++;
            if (point.Alarm == true) KithAlarms++;
            if (bound is null) BoundsNa++;
            if (alarm == point.Alarm) AlarmsIdentical++;
            else
            {
                identical = false;
                Mismatches.Add($"{where}: count {point.Count}, alarm R {Text(alarm)} Kith {Text(point.Alarm)}, bound R {Text(bound)} Kith {Text(point.UpperBound)}");
            }
            if (Agree(bound, point.UpperBound)) BoundsAgree++;
            else Mismatches.Add($"{where}: upper bound R {Text(bound)}, Kith {Text(point.UpperBound)}");
            if (CompareExpected)
            {
                var expected = Number(r["expected"]);
                if (Agree(expected, point.Expected)) ExpectedAgree++;
                else Mismatches.Add($"{where}: expected R {Text(expected)}, Kith {Text(point.Expected)}");
            }
            if (bound is { } b && point.Count == b) AtBound++;
            else if (bound is { } c && Math.Abs(point.Count - c) <= Tolerance(c))
                NearThreshold.Add($"{where}: count {point.Count} at R's bound {c:R} (alarm R {Text(alarm)}, Kith {Text(point.Alarm)})");
        }
        if (identical) SeriesIdentical++;
    }

    private static bool Agree(double? r, double? ours) => (r, ours) switch
    {
        (null, null) => true,
        ({ } a, { } b) when double.IsInfinity(a) || double.IsInfinity(b) => a == b,
        ({ } a, { } b) => Math.Abs(a - b) <= Tolerance(a),
        _ => false,
    };

    private static double Tolerance(double r) => 1e-6 * Math.Max(1, Math.Abs(r));

    private static double? Number(string cell) => cell switch
    {
        "" or "NA" => null,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(cell, CultureInfo.InvariantCulture),
    };

    private static string Text(bool? value) => value switch { true => "TRUE", false => "FALSE", null => "NA" };
    private static string Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "NA";

    /// <summary>R's write.csv output (no quotes but for the error messages, which may hold commas).</summary>
    private static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        using var reader = new StreamReader(path);
        var header = Cells(reader.ReadLine() ?? "");
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var cells = Cells(line);
            yield return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < cells.Count ? cells[x.i] : "");
        }
    }

    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }
}
