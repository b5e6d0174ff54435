using System.Globalization;

namespace Kith.Insights.Detection;

/// <summary>
/// A count series as an analyst hands it over: CSV with a header naming <c>date</c> and <c>count</c> (and optionally
/// <c>population</c>), one row per period in date order. An empty count is a missing value (R's NA). Every problem is
/// named with its line, and nothing is computed from a file that has one.
/// </summary>
internal sealed record CountSeries(IReadOnlyList<DateOnly> Dates, IReadOnlyList<double> Counts, IReadOnlyList<double>? Population)
{
    public static CountSeries Parse(TextReader reader)
    {
        var header = reader.ReadLine()?.Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList()
            ?? throw new DetectionException("The input is empty: it needs a header line 'date,count'.");
        int date = header.IndexOf("date"), count = header.IndexOf("count"), population = header.IndexOf("population");
        if (date < 0 || count < 0) throw new DetectionException("The header must name the columns 'date' and 'count' (and may name 'population').");
        var dates = new List<DateOnly>();
        var counts = new List<double>();
        var populations = population >= 0 ? new List<double>() : null;
        var problems = new List<string>();
        var line = 1;
        for (var text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var cells = text.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            if (cells.Length != header.Count) { problems.Add($"line {line}: {cells.Length} fields, the header has {header.Count}"); continue; }
            if (!DateOnly.TryParseExact(cells[date], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                problems.Add($"line {line}: date '{cells[date]}' is not YYYY-MM-DD");
            else if (dates.Count > 0 && day <= dates[^1])
                problems.Add($"line {line}: {day:yyyy-MM-dd} does not come after {dates[^1]:yyyy-MM-dd}");
            dates.Add(day);
            counts.Add(Number(cells[count], "count", line, problems));
            populations?.Add(Number(cells[population], "population", line, problems));
        }
        if (problems.Count > 0) throw new DetectionException(string.Join("\n", problems.Take(20)) + (problems.Count > 20 ? $"\n… and {problems.Count - 20} more" : ""));
        if (dates.Count == 0) throw new DetectionException("The input has a header but no rows.");
        return new CountSeries(dates, counts, populations);
    }

    private static double Number(string cell, string column, int line, List<string> problems)
    {
        if (cell.Length == 0 || cell == "NA") return double.NaN;
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)) return value;
        problems.Add($"line {line}: {column} '{cell}' is not a number of 0 or more");
        return double.NaN;
    }
}
