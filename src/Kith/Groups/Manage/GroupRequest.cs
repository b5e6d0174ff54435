using Kith.Groups.Domain;
using Kith.ServiceDirectory.Contracts;

namespace Kith.Groups.Manage;

/// <summary>
/// A group as its organiser describes it. <see cref="FirstStart"/> is the first session's local start
/// (<c>2027-03-09T18:00</c>, the deployment's time zone); <see cref="Rule"/> an RFC 5545 RRULE value or none for one
/// session; a place is a directory location or a video link, not both. <see cref="OrganisationId"/> is needed only by
/// someone in several organisations (or an administrator). <see cref="Leaders"/> are the organisation's people who help
/// scheduled to lead it; with <see cref="RequiredTrainingId"/>, each must hold that training current.
/// </summary>
internal sealed record GroupRequest(
    string? Name, string? Kind, string? Focus, string? Description, string? Facilitators, IReadOnlyList<string>? Needs,
    string? LocationId, string? VideoUrl, string? FirstStart, int? DurationMinutes, string? Rule, int? Capacity,
    string? Language, bool Active = true, Guid? OrganisationId = null, IReadOnlyList<Guid>? Leaders = null, Guid? RequiredTrainingId = null);

/// <summary>The request's own rules, field by field (the place and the organisation are checked by <see cref="GroupEditor"/>).</summary>
internal static class GroupRules
{
    public const int NameMax = 120, FocusMax = 120, DescriptionMax = 2000, FacilitatorsMax = 200, MaxCapacity = 500;

    public static Dictionary<string, string[]> Check(GroupRequest r, out DateTime firstStart)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        firstStart = default;

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > NameMax) Add("name", $"Give the group a name of at most {NameMax} characters.");
        if (r.Kind is null || !GroupKinds.All.Contains(r.Kind)) Add("kind", "Choose what kind of group it is: " + string.Join(", ", GroupKinds.All) + ".");
        if (r.Focus is { Length: > FocusMax }) Add("focus", $"At most {FocusMax} characters.");
        if (string.IsNullOrWhiteSpace(r.Description) || r.Description.Length > DescriptionMax) Add("description", $"Say what happens at the group, in at most {DescriptionMax} characters.");
        if (string.IsNullOrWhiteSpace(r.Facilitators) || r.Facilitators.Length > FacilitatorsMax) Add("facilitators", "Say who leads it (first names or roles).");
        if (r.Needs is { } needs && needs.Any(n => !DirectoryNeeds.TopLevel.Any(t => t.Code == n)))
            Add("needs", "Needs are the directory's: " + string.Join(", ", DirectoryNeeds.TopLevel.Select(t => t.Code)) + ".");
        var hasPlace = !string.IsNullOrWhiteSpace(r.LocationId);
        var hasVideo = !string.IsNullOrWhiteSpace(r.VideoUrl);
        if (hasPlace == hasVideo) Add("locationId", "Choose where it meets: a place in the directory, or a video link (not both).");
        if (hasVideo && (r.VideoUrl!.Length > 500 || !Uri.TryCreate(r.VideoUrl, UriKind.Absolute, out var video) || video.Scheme != Uri.UriSchemeHttps))
            Add("videoUrl", "A video link starts with https://.");
        if (!GroupsApi.TryLocal(r.FirstStart, out firstStart))
            Add("firstStart", "Give the first session's date and time, like 2027-03-09T18:00.");
        if (r.DurationMinutes is not (>= 15 and <= 600)) Add("durationMinutes", "A session lasts 15 minutes to 10 hours.");
        if (Schedule.Check(r.Rule) is { } ruleProblem) Add("rule", ruleProblem);
        if (r.Capacity is not (>= 1 and <= MaxCapacity)) Add("capacity", $"Places: 1 to {MaxCapacity}.");
        if (r.Leaders is { Count: > 20 }) Add("leaders", "At most 20 leaders.");
        if (r.Language is not null && (r.Language.Length is < 2 or > 10 || !r.Language.All(c => char.IsAsciiLetter(c) || c == '-')))
            Add("language", "A language code such as en, es or so.");
        return errors;
    }
}
