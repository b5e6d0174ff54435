using System.Globalization;
using System.Text;
using Kith.Platform.Csv;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Insights.Evaluation;

/// <summary>
/// The evaluation's table as CSV (<c>/staff/insights/evaluation.csv?period=2026-Q2</c>): the same rows from the same
/// <see cref="EvaluationTable"/>, so a hidden row is hidden here too — empty cells and <c>hidden</c> in its status, one
/// marker whatever the reason (<see cref="Kith.Platform.Privacy.SmallCells"/>). Numbers invariant, to three decimals, unguarded (they are numbers).
/// </summary>
internal static class EvaluationCsv
{
    public static readonly string[] Header =
        ["quarter", "breakdown", "key", "label", "pairs", "status", "mean_before", "mean_after", "mean_change", "ci95_low", "ci95_high", "improved_10_points", "improved_status"];

    public static IEndpointRouteBuilder MapEvaluationCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/insights/evaluation.csv", CsvAsync).RequireAuthorization(StaffPolicies.Insights).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> CsvAsync(string? period, Evaluations evaluations, CancellationToken ct)
    {
        var quarter = EvaluationQuarter.Parse(period);
        var view = string.IsNullOrEmpty(period) || quarter is not null ? await evaluations.ForAsync(quarter, ct) : null;
        if (view is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["Use a quarter that has ended, written like 2026-Q2."] });
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRecord(text, Header, CsvUse.Spreadsheet);
        // Only the labels are text anyone typed (an area's name), so only they are guarded against formulas; the numbers
        // are formatted here from doubles and stay numbers a statistics package reads (a change of "-1.7", not "'-1.7").
        void Write(string breakdown, string key, string label, EvaluationRow row) => Csv.WriteRecord(text, [
            view.Quarter.Key, breakdown, Csv.Guarded(key), Csv.Guarded(label), row.Pairs?.ToString(CultureInfo.InvariantCulture) ?? "", row.Hidden ? "hidden" : "",
            EvaluationWords.Invariant(row.Change?.MeanBefore), EvaluationWords.Invariant(row.Change?.MeanAfter), EvaluationWords.Invariant(row.Change?.MeanChange),
            EvaluationWords.Invariant(row.Change?.Low), EvaluationWords.Invariant(row.Change?.High),
            row.Improved?.ToString(CultureInfo.InvariantCulture) ?? "", !row.Hidden && row.Improved is null ? "hidden" : ""], CsvUse.DataFile);
        foreach (var row in view.Table.Kinds) Write("kind", row.Key, row.Key, row);
        foreach (var (area, row) in view.Areas.Zip(view.Table.Areas)) Write("area", area.Known ? area.Code : "none", area.Name, row);
        Write("all", EvaluationTable.All, "All", view.Table.Total);
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"kith-group-evaluation-{view.Quarter.Key}.csv");
    }
}
