using System.Globalization;
using System.Text;
using Kith.Platform.Csv;
using Kith.Screening.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Insights.Campaigns;

/// <summary>
/// <c>/staff/insights/campaigns.csv</c>: the campaign groups table as its page shows it (<see cref="CampaignGroups"/>), with
/// <c>hidden</c> where the page hides a number, as the campaign's own CSV does. Group names are typed by staff: no cell
/// runs as a formula.
/// </summary>
internal static class CampaignGroupsCsv
{
    public const string Hidden = "hidden";

    public static IEndpointRouteBuilder MapCampaignGroupsCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/insights/campaigns.csv", CsvAsync).RequireAuthorization(StaffPolicies.Insights).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> CsvAsync(string? instrument, string? band,
        ICampaignResults results, HttpContext http)
    {
        var view = await CampaignGroups.LoadAsync(results, http.User, instrument, band, strict: true, http.RequestAborted);
        if (view.Problems.Count > 0)
            return TypedResults.ValidationProblem(view.Problems.ToDictionary(p => p == FilterProblem.UnknownInstrument ? "instrument" : "band", p =>
                p == FilterProblem.UnknownInstrument
                    ? new[] { $"Unknown questionnaire {instrument}. Use an instrument id, for example phq-a or who-5." }
                    : [$"{view.Instrument!.Name} has no band {band}. Use one of: {string.Join(", ", view.Instrument.Bands.Select(b => b.Code))}."]));
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRecord(text, ["opens_on", "closes_on", "campaign", "organisation", "instrument", "band", "group", "responses", "in_band",
            "share_percent", "mean_score", "counted_through", "held"], CsvUse.Spreadsheet);
        foreach (var c in view.Campaigns)
            foreach (var row in c.Rows)
                Csv.WriteRecord(text, [
                    Day(c.Campaign.OpensOn), Day(c.Campaign.ClosesOn), c.Campaign.Name, c.Campaign.OrganisationName, view.Instrument!.Id, view.Band!.Code,
                    row.Group.Length == 0 ? "all groups" : row.Group, Count(row.Responses), Count(row.InBand),
                    row.Empty ? "" : row.Share?.ToString("0.0", CultureInfo.InvariantCulture) ?? Hidden,
                    row.Empty ? "" : row.MeanScore?.ToString("0.0", CultureInfo.InvariantCulture) ?? Hidden,
                    c.CountedThrough is { } through ? Day(through) : "", c.Held ? "TRUE" : "FALSE"], CsvUse.Spreadsheet);
        var name = view.Instrument is null ? "kith-campaign-groups.csv" : $"kith-campaign-groups-{view.Instrument.Id}-{view.Band!.Code}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", name);
    }

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? Hidden;
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
