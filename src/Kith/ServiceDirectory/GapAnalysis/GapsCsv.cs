using System.Globalization;
using System.Text;
using Kith.Platform.Csv;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.ServiceDirectory.GapAnalysis;

/// <summary>
/// <c>GET /staff/directory/gaps.csv?category=grief</c>: the gap analysis as CSV for a leader's own spreadsheet, one row
/// per area and category (every category when none is chosen). Numbers are invariant (a dot for decimals) so any
/// locale's spreadsheet or script reads them the same; rates are empty where an area has no residents. Area names come
/// from imported files, so the file is written for a spreadsheet: no cell runs as a formula (<see cref="CsvUse.Spreadsheet"/>).
/// </summary>
internal static class GapsCsv
{
    public static IEndpointRouteBuilder MapGapsCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/directory/gaps.csv", GetAsync).RequireAuthorization(StaffPolicies.Leader).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetAsync(string? category, GapReport report, CancellationToken ct)
    {
        var chosen = string.IsNullOrWhiteSpace(category) ? null : NeedCategory.Find(category);
        if (!string.IsNullOrWhiteSpace(category) && chosen is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["category"] = [$"Unknown need category. Use one of: {string.Join(", ", NeedCategory.Choices.Select(c => c.Code))}."],
            });
        var result = await report.ForAsync(chosen is null ? NeedCategory.Choices : [chosen], ct);
        var name = $"kith-service-gaps-{chosen?.Code ?? "all-categories"}-{result.WeekStarting:yyyy-MM-dd}.csv";
        return TypedResults.File(Write(result, report.Signals.Select(s => s.Name).ToList()), "text/csv; charset=utf-8", name);
    }

    public static byte[] Write(GapReportResult result, IReadOnlyList<string> signalNames)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRecord(text, [
            "area_code", "area_name", "population", "category_code", "category_name", "in_area_services", "reaching_services",
            "open_hours_week", "free_places_now", "waitlists", "services_per_10k", "open_hours_per_1k", "free_places_per_1k",
            "county_services_per_10k", "gap", "week_starting", .. signalNames], CsvUse.Spreadsheet);
        foreach (var c in result.Categories)
            foreach (var r in c.Areas)
                Csv.WriteRecord(text, [
                    r.Area.Code, r.Area.Name, Number(r.Area.Population), c.Category.Code, c.Category.Name,
                    Number(r.InArea), Number(r.Reaching), Number(r.OpenHours), Number(r.CapacityAvailable), Number(r.Waitlists),
                    Number(r.ServicesPer10k), Number(r.HoursPer1k), Number(r.CapacityPer1k), Number(c.CountyServicesPer10k),
                    GapCode(r.Gap), result.WeekStarting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. r.Signals.Select(Number)], CsvUse.Spreadsheet);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Number(double? value) => value is { } v ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "";

    private static string GapCode(GapFlag gap) => gap switch
    {
        GapFlag.NoService => "no-service",
        GapFlag.BelowHalfCountyRate => "below-half-county-rate",
        GapFlag.NoPopulation => "no-population",
        _ => "",
    };
}
