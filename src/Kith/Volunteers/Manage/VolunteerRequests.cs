using System.ComponentModel.DataAnnotations;
using Kith.Platform.Api;
using Kith.Volunteers.Domain;

namespace Kith.Volunteers.Manage;

/// <summary>
/// Someone who helps, as a coordinator records them: the name they go by, their role, how they want reminders (text,
/// email, or none), who supervises them (a staff account of the organisation), and whether they are active.
/// <see cref="OrganisationId"/> is needed only by someone in several organisations (or an administrator).
/// </summary>
internal sealed record VolunteerRequest(
    [property: Required(ErrorMessage = "Give the name they go by (at most 60 characters).")]
    [property: StringLength(VolunteerRules.NameMax, ErrorMessage = "Give the name they go by (at most 60 characters).")]
    string? Name,
    [property: Required(ErrorMessage = "Choose their role: lay leader, community ambassador or volunteer.")]
    [property: OneOf(typeof(VolunteerRoles), nameof(VolunteerRoles.All), ErrorMessage = "Choose their role: lay leader, community ambassador or volunteer.")]
    string? Role,
    [property: Required(ErrorMessage = "Choose how they want reminders: a text, an email, or none.")]
    [property: OneOf(typeof(VolunteerRules), nameof(VolunteerRules.Routes), ErrorMessage = "Choose how they want reminders: a text, an email, or none.")]
    string? ContactRoute,
    [property: StringLength(200, ErrorMessage = "At most 200 characters.")] string? Contact = null,
    [property: StringLength(64, ErrorMessage = "Choose a supervisor from the list.")] string? SupervisorId = null,
    [property: OneOf(typeof(VolunteerStatus), nameof(VolunteerStatus.All), ErrorMessage = "Choose applied, active or ended.")]
    string? Status = null,
    Guid? OrganisationId = null);

/// <summary>A certificate someone earned: the training, the day they completed it, and its last day if not the training's usual term.</summary>
internal sealed record CertificationRequest(
    [property: Required(ErrorMessage = "Choose the training.")] Guid? TrainingId,
    [property: Required(ErrorMessage = "Give the day they completed it, like 2026-11-14.")] string? CompletedOn,
    string? ExpiresOn = null);

/// <summary>A training the organisation's people can be certified in (an administrator may add one for the whole deployment).</summary>
internal sealed record TrainingRequest(
    [property: Required(ErrorMessage = "Name the training (at most 120 characters).")]
    [property: StringLength(120, ErrorMessage = "Name the training (at most 120 characters).")]
    string? Name,
    [property: Required(ErrorMessage = "Choose the kind: psychological first aid, Mental Health First Aid, QPR or your own.")]
    [property: OneOf(typeof(TrainingKinds), nameof(TrainingKinds.All), ErrorMessage = "Choose the kind: psychological first aid, Mental Health First Aid, QPR or your own.")]
    string? Kind,
    [property: Required(ErrorMessage = "Say for how many months a certificate is good (1 to 120).")]
    [property: Range(1, 120, ErrorMessage = "Say for how many months a certificate is good (1 to 120).")]
    int? ValidMonths,
    [property: Range(1, 365, ErrorMessage = "The renewal window is 1 to 365 days.")] int? RenewalDays = 30,
    Guid? OrganisationId = null,
    bool ForEveryone = false);

/// <summary>A supervision note, written by the person's supervisor.</summary>
internal sealed record SupervisionNoteRequest(
    [property: Required(ErrorMessage = "Write the note (at most 4,000 characters).")]
    [property: StringLength(4000, ErrorMessage = "Write the note (at most 4,000 characters).")]
    string? Text);

internal static class VolunteerRules
{
    public const int NameMax = 60;
    public static readonly IReadOnlyList<string> Routes = ["none", "sms", "email"];

    public static bool TryDay(string? value, out DateOnly day) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);
}
