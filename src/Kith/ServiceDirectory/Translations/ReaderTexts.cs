using System.Globalization;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.ServiceDirectory.ServicePage;

namespace Kith.ServiceDirectory.Translations;

/// <summary>A directory text as a reader gets it: in their language, or the English original (<see cref="InEnglish"/>) to be marked so.</summary>
public sealed record ReaderText(string? Text, bool InEnglish)
{
    public static readonly ReaderText None = new(null, false);
}

/// <summary>
/// Directory texts in the reader's language (the request's UI culture). English readers get the originals untouched;
/// anyone else gets a current translation, or the original marked as shown in English: a missing or stale
/// translation never hides what the service says, and never passes off old facts as current (ADR 29).
/// </summary>
internal sealed class ReaderTexts(KithDb db, TranslationCache cache)
{
    // The load itself is kept, not its result: every result card asks at once while the page renders, and they must
    // share one query — two at once on the request's KithDb fail (PostgreSQL) or break the pooled connection (SQLite).
    // The renderer runs components one at a time between awaits, so the first card starts the load and the rest await it.
    private Task<LanguageTexts>? loading;

    /// <summary>The reader's language when it is not the originals' own, else null.</summary>
    public static string? ReaderLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is { Length: 2 or 3 } code && code != Translatable.OriginalLanguage ? code : null;

    public async Task<ReaderText> ForAsync(string entity, string id, string field, string? original, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(original)) return new(original, false);
        if (await TextsAsync(ct) is not { } current) return new(original, false);
        return current.Fields.TryGetValue((entity, id, field), out var text) ? new(text, false) : new(original, true);
    }

    /// <summary>A result card's summary (the description, shortened as the index shortens it) and alert.</summary>
    public async Task<(ReaderText Summary, ReaderText Alert)> CardAsync(string serviceId, string? summary, string? alert, CancellationToken ct)
    {
        var description = summary is null ? ReaderText.None : await ForAsync("service", serviceId, "description", summary, ct);
        if (description is { InEnglish: false, Text: { } translated } && translated != summary) description = new(DirectoryLoader.Summary(translated), false);
        return (description, alert is null ? ReaderText.None : await ForAsync("service", serviceId, "alert", alert, ct));
    }

    /// <summary>The service page's texts in the reader's language; <see cref="ServiceView.InEnglish"/> names the fields left in English.</summary>
    public async Task<ServiceView> LocaliseAsync(ServiceView v, CancellationToken ct)
    {
        if (await TextsAsync(ct) is not { } current) return v;
        var english = new HashSet<string>(StringComparer.Ordinal);
        string? Field(string field, string? original, string entity = "service", string? id = null, string? shownAs = null)
        {
            if (string.IsNullOrWhiteSpace(original)) return original;
            if (current.Fields.TryGetValue((entity, id ?? v.Id, field), out var text)) return text;
            english.Add(shownAs ?? field);
            return original;
        }
        string? Note(string? original)
        {
            if (string.IsNullOrWhiteSpace(original)) return original;
            if (current.ScheduleTexts.TryGetValue(original, out var text)) return text;
            english.Add("schedule");
            return original;
        }
        return v with
        {
            Description = Field("description", v.Description), Alert = Field("alert", v.Alert), Eligibility = Field("eligibility_description", v.Eligibility),
            FeesDescription = Field("fees_description", v.FeesDescription), Interpretation = Field("interpretation_services", v.Interpretation),
            ApplicationProcess = Field("application_process", v.ApplicationProcess), WaitTime = Field("wait_time", v.WaitTime),
            ScheduleNotes = v.ScheduleNotes.Select(n => n with { Description = Note(n.Description), Notes = Note(n.Notes) }).ToList(),
            OrganizationDescription = v.OrganizationId is null ? v.OrganizationDescription
                : Field("description", v.OrganizationDescription, "organization", v.OrganizationId, ServiceView.OrganizationDescriptionField),
            InEnglish = english,
        };
    }

    private async Task<LanguageTexts?> TextsAsync(CancellationToken ct) =>
        ReaderLanguage is { } language ? await (loading ??= cache.GetAsync(db, language, ct)) : null;
}
