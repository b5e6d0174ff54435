using Kith.Concerns.Domain;
using Kith.Concerns.Submit;

namespace Kith.Concerns.Report;

/// <summary>
/// The concern form as posted. Its field names are the API's, so the problems validation finds name the
/// field they belong to, and the page can put each message beside its field.
/// </summary>
internal static class ReportForm
{
    public const string Name = "concern";
    /// <summary>The hidden field with the form's one-time token (ADR 26).</summary>
    public const string TokenField = "submission";

    /// <summary>The posted one-time token, if it looks like one (a form from before tokens has none: taken as before).</summary>
    public static string? Token(IFormCollection form) =>
        Text(form, TokenField) is { Length: >= 16 and <= 64 } token && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? token : null;

    public static ConcernSubmission Read(IFormCollection form) => new()
    {
        About = Text(form, "about"),
        // One more than the list allows is enough for validation to refuse a padded post.
        Categories = form["categories"].OfType<string>().Where(c => c.Length > 0).Take(ConcernAnswers.Categories.Count + 1).ToList(),
        Urgency = Text(form, "urgency"),
        Narrative = Text(form, "narrative"),
        Language = Text(form, "language"),
        OrganisationId = Place(form, "organisationId"),
        AreaId = Place(form, "areaId"),
        ContactName = Text(form, "contactName"),
        ContactPhone = Text(form, "contactPhone"),
        ContactEmail = Text(form, "contactEmail"),
    };

    /// <summary>Where the error summary sends the reader: the first choice of a group, or the field itself.</summary>
    public static string FieldId(string field) => field switch
    {
        "about" => ChoiceId(field, ConcernAnswers.About[0].Code),
        "categories" => ChoiceId(field, ConcernAnswers.Categories[0].Code),
        "urgency" => ChoiceId(field, ConcernAnswers.Urgency[0].Code),
        "language" => "concern-form", // a hidden field: only a tampered post gets this wrong
        TokenField => "about-" + ConcernAnswers.About[0].Code, // the form was sent already: back to its first question
        _ => field,
    };

    public static string ChoiceId(string field, string code) => $"{field}-{code}";

    /// <summary>A picker's id; one that is not an id at all (a tampered post) becomes one no place has, so the place check refuses it.</summary>
    private static Guid? Place(IFormCollection form, string field) =>
        Text(form, field) is { } value ? Guid.TryParse(value, out var id) ? id : Guid.Empty : null;

    private static string? Text(IFormCollection form, string field) =>
        string.IsNullOrWhiteSpace(form[field]) ? null : form[field].ToString();
}
