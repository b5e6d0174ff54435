using System.Globalization;
using Kith.Screening.Instruments;

namespace Kith.Screening.Campaigns.Editing;

/// <summary>A campaign request that passed the rules, ready to store.</summary>
internal sealed record CheckedCampaign(string Name, Guid OrganisationId, Guid? AreaId, string Audience,
    IReadOnlyList<string> Instruments, IReadOnlyList<string> Groups, DateOnly OpensOn, DateOnly ClosesOn);

/// <summary>
/// What makes a campaign well formed, as field errors (keys are the request's field names in camelCase).
/// Who may run it for which organisation is <see cref="CampaignAccess"/>'s question, not this one's.
/// </summary>
internal static class CampaignRules
{
    public const int MaxInstruments = 6;
    public const int MaxGroups = 30;
    public const int MaxGroupLength = 60;
    /// <summary>A campaign is a survey round, not a standing collection: long ones drift into tracking a population.</summary>
    public const int MaxDays = 366;

    public static (CheckedCampaign? Campaign, Dictionary<string, string[]> Errors) Check(
        CampaignRequest request, InstrumentLibrary library, DateOnly today, bool isNew)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0) Fail("name", "Give the campaign a name.");
        else if (name.Length > 200) Fail("name", "The name can be at most 200 characters.");
        if (request.OrganisationId is null || request.OrganisationId == Guid.Empty) Fail("organisationId", "Choose the organisation that runs it.");
        var audience = request.Audience?.Trim() ?? "";
        if (audience.Length > 200) Fail("audience", "The audience can be at most 200 characters.");

        var instruments = (request.Instruments ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList();
        if (instruments.Count == 0) Fail("instruments", "Choose at least one questionnaire.");
        else if (instruments.Count > MaxInstruments) Fail("instruments", $"Choose at most {MaxInstruments} questionnaires.");
        else if (instruments.FirstOrDefault(i => library.Find(i) is null) is { } unknown) Fail("instruments", $"There is no questionnaire '{Short(unknown)}'.");
        else if (instruments.Distinct(StringComparer.OrdinalIgnoreCase).Count() != instruments.Count) Fail("instruments", "Each questionnaire can be chosen once.");
        else instruments = instruments.Select(i => library.Find(i)!.Id).ToList();

        var groups = (request.Groups ?? []).Select(g => g?.Trim() ?? "").Where(g => g.Length > 0).ToList();
        if (groups.Count == 0) Fail("groups", "Give at least one group participants choose from (for example Grade 9).");
        else if (groups.Count > MaxGroups) Fail("groups", $"At most {MaxGroups} groups.");
        else if (groups.Any(g => g.Length > MaxGroupLength)) Fail("groups", $"A group name can be at most {MaxGroupLength} characters.");
        else if (groups.Distinct(StringComparer.OrdinalIgnoreCase).Count() != groups.Count) Fail("groups", "Each group can be listed once.");

        var opens = Date(request.OpensOn);
        var closes = Date(request.ClosesOn);
        if (opens is null) Fail("opensOn", "Give the first day as a date (YYYY-MM-DD).");
        if (closes is null) Fail("closesOn", "Give the last day as a date (YYYY-MM-DD).");
        if (opens is { } o && closes is { } c)
        {
            if (c < o) Fail("closesOn", "The last day cannot be before the first day.");
            else if (c.DayNumber - o.DayNumber > MaxDays) Fail("closesOn", $"A campaign can run for at most {MaxDays} days.");
            else if (isNew && c < today) Fail("closesOn", "The last day has already passed.");
        }

        if (errors.Count > 0) return (null, errors);
        return (new CheckedCampaign(name, request.OrganisationId!.Value, request.AreaId is { } a && a != Guid.Empty ? a : null,
            audience, instruments, groups, opens!.Value, closes!.Value), errors);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
