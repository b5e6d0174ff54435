using System.ComponentModel.DataAnnotations;
using Kith.Platform.Api;
using Kith.Volunteers.Domain;
using Kith.Volunteers.Manage;

namespace Kith.Volunteers.Opportunities;

/// <summary>
/// Signing up to help, without an account: a first name or nickname and how the organisation may reach them. The form
/// carries a one-time <see cref="Submission"/> token (the API takes it as an Idempotency-Key header): sending the same
/// form again shows the same answer and signs nobody up twice.
/// </summary>
internal sealed record SignUpRequest(
    [property: Required(ErrorMessage = "Give a first name or a nickname (at most 60 characters).")]
    [property: StringLength(VolunteerRules.NameMax, ErrorMessage = "Give a first name or a nickname (at most 60 characters).")]
    string? Name,
    [property: Required(ErrorMessage = "Choose how the organisation may reach you: a text or an email.")]
    [property: OneOf(typeof(SignUpRules), nameof(SignUpRules.Routes), ErrorMessage = "Choose how the organisation may reach you: a text or an email.")]
    string? ContactRoute,
    [property: Required(ErrorMessage = "Enter a mobile number or an email address, for the way you chose.")]
    [property: StringLength(200, ErrorMessage = "At most 200 characters.")] string? Contact = null,
    [property: StringLength(64, ErrorMessage = "The form has expired: open the page again.")] string? Submission = null);

/// <summary>An opportunity as its organisation describes it.</summary>
internal sealed record OpportunityRequest(
    [property: Required(ErrorMessage = "Give it a title (at most 120 characters).")]
    [property: StringLength(120, ErrorMessage = "Give it a title (at most 120 characters).")]
    string? Title,
    [property: Required(ErrorMessage = "Say what the person will do (at most 2,000 characters).")]
    [property: StringLength(2000, ErrorMessage = "Say what the person will do (at most 2,000 characters).")]
    string? Description,
    [property: Required(ErrorMessage = "Say how much time it asks for (at most 120 characters).")]
    [property: StringLength(120, ErrorMessage = "Say how much time it asks for (at most 120 characters).")]
    string? Commitment,
    [property: Required(ErrorMessage = "Choose their role: lay leader, community ambassador or volunteer.")]
    [property: OneOf(typeof(VolunteerRoles), nameof(VolunteerRoles.All), ErrorMessage = "Choose their role: lay leader, community ambassador or volunteer.")]
    string? Role,
    Guid? TrainingId = null,
    bool Open = true,
    Guid? OrganisationId = null);

internal static class SignUpRules
{
    /// <summary>Someone who offers to help must be reachable: a text or an email (not "none").</summary>
    public static readonly IReadOnlyList<string> Routes = ["sms", "email"];
}
