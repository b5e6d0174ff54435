using System.Globalization;
using System.Text;
using Kith.Insights.Release;
using Kith.Platform.Csv;
using Kith.ServiceDirectory.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Insights.Dashboard;

/// <summary>
/// The table behind every chart and map as CSV (<c>/staff/insights/chart.csv</c>, <c>/staff/insights/map.csv</c>), with the
/// query its page uses: the same rows from the same release (<see cref="InsightsViews"/>), so a hidden count is hidden
/// here too — an empty cell, with <c>hidden</c> in the status column. Numbers are invariant; no cell runs as a formula.
/// </summary>
internal static class InsightsCsv
{
    /// <summary>Rates resting on fewer events than this are flagged unstable (NCHS's rule for rates: fewer than 20 is unreliable).</summary>
    public const int StableFrom = 20;

    public static IEndpointRouteBuilder MapInsightsCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/insights/chart.csv", ChartAsync).RequireAuthorization(StaffPolicies.Insights).ExcludeFromDescription();
        app.MapGet("/staff/insights/map.csv", MapAsync).RequireAuthorization(StaffPolicies.Insights).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ChartAsync(
        string? indicator, string? period, HttpRequest request, IndicatorReleases releases, CancellationToken ct)
    {
        var area = request.Query["area"].OfType<string>().ToArray();
        var release = indicator is null ? null : await releases.ForAsync(indicator, ct);
        var (areas, unknown) = release is null ? ([], []) : AreaChoice.Parse(release, area);
        var parsed = ChartPeriod.Parse(period);
        var problems = new Dictionary<string, string[]>();
        if (release is null) problems["indicator"] = ["Unknown indicator. Use the indicator key a chart's address has (for example concerns)."];
        if (unknown.Count > 0) problems["area"] = [$"Unknown area: {string.Join(", ", unknown)}. Use all, none or an area code."];
        if (parsed is null) problems["period"] = ["Use days or a number of weeks: " + string.Join(", ", InsightsViews.WeekChoices) + "."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var (daily, weeks) = parsed!.Value;
        var rows = daily ? InsightsViews.Daily(release!, areas) : InsightsViews.Weekly(release!, areas, weeks);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRecord(text, [daily ? "day" : "week_starting", "area", "indicator", "count", "status", "mean", "expected", "upper_bound", "spike", "complete"], CsvUse.Spreadsheet);
        foreach (var r in rows)
            Csv.WriteRecord(text, [
                r.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Area, release!.Name.Key, r.Count?.ToString(CultureInfo.InvariantCulture) ?? "",
                r.Count is null ? "hidden" : "", InsightsViews.Number(r.Mean), InsightsViews.Number(r.Expected, "0.######"), InsightsViews.Number(r.UpperBound, "0.######"),
                r.Alarm switch { true => "TRUE", false => "FALSE", null => "" }, r.Running ? "FALSE" : "TRUE"], CsvUse.Spreadsheet);
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8",
            $"kith-{Slug(release!.Name.Key)}-{(daily ? "daily" : "weekly")}-{release.Today:yyyy-MM-dd}.csv");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> MapAsync(string? indicator, string? week, string? need,
        IndicatorReleases releases, IDirectorySupply directory, CancellationToken ct)
    {
        var release = indicator is null ? null : await releases.ForAsync(indicator, ct);
        var index = release is null ? -1 : MapWeek.Parse(release, week);
        var supply = await directory.PerAreaAsync(need, "no in-area service", "no residents recorded", ct);
        var problems = new Dictionary<string, string[]>();
        if (release is null) problems["indicator"] = ["Unknown indicator. Use the indicator key a map's address has (for example concerns)."];
        else if (index < 0) problems["week"] = [$"No week starting {week} in the last {release.Weeks.Count} weeks. Use a date YYYY-MM-DD."];
        if (supply is null) problems["need"] = [$"Unknown need {need}. Use all or one of: {string.Join(", ", DirectoryNeeds.TopLevel.Select(n => n.Code))}."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRecord(text, ["week_starting", "area_code", "area", "population", "indicator", "count", "status", "per_10k_residents", "rate_unstable", "spike",
            "services_for", "services_in_area", "services_per_10k_residents", "service_gap"], CsvUse.Spreadsheet);
        var services = supply!.Areas.ToDictionary(a => a.AreaCode, StringComparer.Ordinal);
        var monday = release!.Weeks[index].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var r in InsightsViews.Map(release, index))
            Csv.WriteRecord(text, [
                monday, r.Area.Code, r.Area.Name, r.Area.Known ? r.Area.Population.ToString(CultureInfo.InvariantCulture) : "", release.Name.Key,
                r.Count?.ToString(CultureInfo.InvariantCulture) ?? "", r.Count is null ? "hidden" : "", InsightsViews.Number(r.Per10k),
                r.Per10k is null ? "" : Unstable(r.Count) ? "TRUE" : "FALSE", r.Alarm switch { true => "TRUE", false => "FALSE", null => "" },
                .. Supply(supply, r.Area.Known ? services.GetValueOrDefault(r.Area.Code) : null)], CsvUse.Spreadsheet);
        Csv.WriteRecord(text, [monday, "", "All areas", release.Areas.Sum(a => a.Population).ToString(CultureInfo.InvariantCulture), release.Name.Key,
            release.WeekTotal(index)?.ToString(CultureInfo.InvariantCulture) ?? "", release.WeekTotal(index) is null ? "hidden" : "", "", "", "",
            supply.NeedCode, supply.Areas.Sum(a => a.InArea).ToString(CultureInfo.InvariantCulture), InsightsViews.Number(supply.CountyServicesPer10k), ""], CsvUse.Spreadsheet);
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"kith-{Slug(release.Name.Key)}-map-{monday}.csv");
    }

    private static string[] Supply(NeedSupply supply, AreaServices? area) => area is null ? [supply.NeedCode, "", "", ""]
        : [supply.NeedCode, area.InArea.ToString(CultureInfo.InvariantCulture), InsightsViews.Number(area.ServicesPer10k), area.Gap ? "TRUE" : "FALSE"];

    public static bool Unstable(int? count) => count is > 0 and < StableFrom;

    private static string Slug(string key) => new([.. key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
