using System.ComponentModel.DataAnnotations;
using Kith.Concerns.Domain;
using Kith.Platform.Api;

namespace Kith.Concerns.Submit;

/// <summary>
/// What a reporter sends, from the form or as JSON (<c>POST /api/concerns</c>). There is deliberately no
/// tier or score: triage runs on the server and anything of the kind a client sends is ignored.
/// </summary>
internal sealed class ConcernSubmission
{
    public const int MaxPhone = 40;
    public const int MaxEmail = 254;
    /// <summary>Digits, spaces and + - ( ) . only, with at least seven digits.</summary>
    public const string PhonePattern = @"^(?=(?:[^0-9]*[0-9]){7})[0-9 +().\-]*$";

    [Required(ErrorMessage = "Choose who you are worried about.")]
    [OneOf(typeof(ConcernAnswers), nameof(ConcernAnswers.About), ErrorMessage = "Choose who you are worried about.")]
    public string? About { get; set; }

    [Required(ErrorMessage = "Choose at least one thing that worries you.")]
    [OneOf(typeof(ConcernAnswers), nameof(ConcernAnswers.Categories), ErrorMessage = "One of the choices is not on the list.")]
    public List<string> Categories { get; set; } = [];

    [Required(ErrorMessage = "Choose how urgent it feels.")]
    [OneOf(typeof(ConcernAnswers), nameof(ConcernAnswers.Urgency), ErrorMessage = "Choose how urgent it feels.")]
    public string? Urgency { get; set; }

    [MaxLengthFromOptions(typeof(ConcernOptions), nameof(ConcernOptions.MaxTextLength), ErrorMessage = "That is too long. Please shorten what you wrote.")]
    public string? Narrative { get; set; }

    /// <summary>en, es or so; defaults to the language of the request.</summary>
    [OneOf(typeof(Kith.Platform.Localization.Cultures), nameof(Kith.Platform.Localization.Cultures.Supported), ErrorMessage = "That language is not offered.")]
    public string? Language { get; set; }

    public Guid? OrganisationId { get; set; }
    public Guid? AreaId { get; set; }

    [MaxLength(Contracts.RaisedConcern.MaxContactName, ErrorMessage = "That name is too long.")]
    public string? ContactName { get; set; }

    [MaxLength(MaxPhone, ErrorMessage = "That does not look like a phone number.")]
    [RegularExpression(PhonePattern, ErrorMessage = "That does not look like a phone number.")]
    public string? ContactPhone { get; set; }

    [MaxLength(MaxEmail, ErrorMessage = "That does not look like an email address.")]
    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    public string? ContactEmail { get; set; }

    /// <summary>
    /// Errors by field (English texts, also translation keys). Empty when the submission can be accepted. The rules
    /// are the attributes above, which the OpenAPI document shows too (ADR 23).
    /// </summary>
    public Dictionary<string, string[]> Validate(IServiceProvider services)
    {
        Categories ??= []; // JSON may send null for the list
        return RequestRules.Check(this, services);
    }

    public bool GaveContact => !string.IsNullOrWhiteSpace(ContactName) || !string.IsNullOrWhiteSpace(ContactPhone) || !string.IsNullOrWhiteSpace(ContactEmail);
}

/// <summary>What the reporter gets back. The receipt is shown once and never stored in clear.</summary>
internal sealed record ConcernReceipt(string Receipt, string Tier,
    [property: System.ComponentModel.Description("True when the concern reads as a risk to someone's life or safety now (the server's triage, "
        + "never the client's): show the reporter the crisis lines at once, before the receipt — GET /api/crisis-lines lists them in the reader's language.")]
    bool ShowCrisisOptions,
    string FollowUpPath,
    [property: System.Text.Json.Serialization.JsonIgnore] string Reference = "");
