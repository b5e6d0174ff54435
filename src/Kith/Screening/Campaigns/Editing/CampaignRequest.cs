namespace Kith.Screening.Campaigns.Editing;

/// <summary>
/// A campaign as the API and the form send it. Dates stay text ("2026-04-01") until checked, so a wrong date
/// comes back as a field error rather than a binding failure.
/// </summary>
internal sealed record CampaignRequest(
    string? Name, Guid? OrganisationId, Guid? AreaId, string? Audience,
    IReadOnlyList<string>? Instruments, IReadOnlyList<string>? Groups, string? OpensOn, string? ClosesOn);

/// <summary>A campaign as staff read it: never its responses, and their number only as released with its results (null: hidden, or no results shown yet).</summary>
internal sealed record CampaignView(
    Guid Id, string Name, Guid OrganisationId, string OrganisationName, Guid? AreaId, string Audience,
    IReadOnlyList<string> Instruments, IReadOnlyList<string> Groups, DateOnly OpensOn, DateOnly ClosesOn,
    string Phase, string Code, string Link, DateTime? ClosedEarlyAt, int? Responses);
