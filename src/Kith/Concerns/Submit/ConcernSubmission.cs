using System.ComponentModel.DataAnnotations;
using Kith.Concerns.Domain;

namespace Kith.Concerns.Submit;

/// <summary>
/// What a reporter sends, from the form or as JSON (<c>POST /api/concerns</c>). There is deliberately no
/// tier or score: triage runs on the server and anything of the kind a client sends is ignored.
/// </summary>
internal sealed class ConcernSubmission
{
    public string? About { get; set; }
    public List<string> Categories { get; set; } = [];
    public string? Urgency { get; set; }
    public string? Narrative { get; set; }
    /// <summary>en, es or so; defaults to the language of the request.</summary>
    public string? Language { get; set; }
    public Guid? OrganisationId { get; set; }
    public Guid? AreaId { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>Errors by field (English texts, also translation keys). Empty when the submission can be accepted.</summary>
    public Dictionary<string, string[]> Validate(int maxText)
    {
        var errors = new Dictionary<string, string[]>();
        Categories ??= []; // JSON may send null for the list
        void Add(string field, string message) => errors[field] = [message];
        if (!ConcernAnswers.IsAbout(About)) Add("about", "Choose who you are worried about.");
        if (Categories.Count == 0) Add("categories", "Choose at least one thing that worries you.");
        else if (Categories.Any(c => !ConcernAnswers.IsCategory(c)) || Categories.Count > ConcernAnswers.Categories.Count)
            Add("categories", "One of the choices is not on the list.");
        if (!ConcernAnswers.IsUrgency(Urgency)) Add("urgency", "Choose how urgent it feels.");
        if (Narrative?.Length > maxText) Add("narrative", "That is too long. Please shorten what you wrote.");
        if (Language is not null && !Kith.Platform.Localization.Cultures.IsSupported(Language)) Add("language", "That language is not offered.");
        if (ContactName?.Length > Contracts.RaisedConcern.MaxContactName) Add("contactName", "That name is too long.");
        if (ContactPhone is { Length: > 0 } phone && (phone.Length > 40 || phone.Count(char.IsDigit) < 7 || phone.Any(c => !(char.IsDigit(c) || " +-().".Contains(c)))))
            Add("contactPhone", "That does not look like a phone number.");
        if (ContactEmail is { Length: > 0 } email && (email.Length > 254 || !new EmailAddressAttribute().IsValid(email)))
            Add("contactEmail", "That does not look like an email address.");
        return errors;
    }

    public bool GaveContact => !string.IsNullOrWhiteSpace(ContactName) || !string.IsNullOrWhiteSpace(ContactPhone) || !string.IsNullOrWhiteSpace(ContactEmail);
}

/// <summary>What the reporter gets back. The receipt is shown once and never stored in clear.</summary>
internal sealed record ConcernReceipt(string Receipt, string Tier, bool ShowCrisisOptions, string FollowUpPath,
    [property: System.Text.Json.Serialization.JsonIgnore] string Reference = "");
