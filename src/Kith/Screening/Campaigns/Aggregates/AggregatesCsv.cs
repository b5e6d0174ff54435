using System.Globalization;
using Kith.Platform.Csv;

namespace Kith.Screening.Campaigns.Aggregates;

/// <summary>
/// The aggregates as CSV, exactly what the page shows: one line per instrument, group and measure, with
/// "hidden" where the page hides a number. Long form, because each instrument has its own bands and flags.
/// </summary>
internal static class AggregatesCsv
{
    public const string Hidden = "hidden";

    public static string Write(AggregateReport report)
    {
        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRecord(csv, ["instrument", "group", "measure", "value"], CsvUse.Spreadsheet);
        foreach (var instrument in report.Instruments)
            foreach (var row in instrument.Groups.Append(instrument.All))
            {
                var group = row.Group.Length == 0 ? "all groups" : row.Group;
                Line(csv, instrument.Instrument, group, "responses", Value(row.Responses));
                for (var b = 0; b < instrument.Bands.Count; b++) Line(csv, instrument.Instrument, group, "band:" + instrument.Bands[b], Value(row.Bands[b]));
                for (var f = 0; f < instrument.Flags.Count; f++) Line(csv, instrument.Instrument, group, "flag:" + instrument.Flags[f], Value(row.Flags[f]));
                Line(csv, instrument.Instrument, group, "mean score", row.MeanScore?.ToString("0.0", CultureInfo.InvariantCulture) ?? Hidden);
            }
        return csv.ToString();
    }

    private static string Value(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? Hidden;

    /// <summary>Group names are typed by staff: the file is for a spreadsheet, so none runs as a formula.</summary>
    private static void Line(StringWriter csv, string instrument, string group, string measure, string value) =>
        Csv.WriteRecord(csv, [instrument, group, measure, value], CsvUse.Spreadsheet);
}
