using Kith.Platform.Localization;

namespace Kith.Insights.Stories.Share;

/// <summary>
/// The story form as posted: the words, the area, the consent box and the form's one-time token. Nothing else is read —
/// no name, no contact, and nothing about the sender (address, agent, cookie) reaches the story.
/// </summary>
internal sealed class StoryForm
{
    public const string Name = "story";
    public const int MaxText = 2000;
    /// <summary>The value of the ticked consent box.</summary>
    public const string Agreed = "yes";

    public string? Text { get; init; }
    public Guid? AreaId { get; init; }
    public bool Consent { get; init; }
    public string? Token { get; init; }
    public required string Language { get; init; }

    public static StoryForm Read(IFormCollection form, string pageLanguage) => new()
    {
        Text = string.IsNullOrWhiteSpace(form["text"]) ? null : form["text"].ToString().Trim(),
        // Not an id at all (a tampered post) becomes one no area has, so the area check refuses it.
        AreaId = string.IsNullOrWhiteSpace(form["areaId"]) ? null : Guid.TryParse(form["areaId"], out var id) ? id : Guid.Empty,
        Consent = form["consent"] == Agreed,
        Token = form["token"] is { Count: 1 } t && t.ToString() is { Length: >= 16 and <= 64 } s && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? s : null,
        Language = Cultures.IsSupported(form["language"].ToString()) ? form["language"].ToString() : pageLanguage,
    };

    /// <summary>Every problem at once, by field (English texts, also translation keys).</summary>
    public Dictionary<string, string[]> Validate(IReadOnlyCollection<Guid> areas)
    {
        var errors = new Dictionary<string, string[]>();
        if (Text is null) errors["text"] = ["Write your story before you send it."];
        else if (Text.Length > MaxText) errors["text"] = ["That is too long. Keep your story under 2,000 characters."];
        if (AreaId is null) errors["areaId"] = ["Choose your area."];
        else if (!areas.Contains(AreaId.Value)) errors["areaId"] = ["That area is not on the list."];
        if (!Consent) errors["consent"] = ["Tick the box to agree, or we cannot take your story."];
        return errors;
    }
}
