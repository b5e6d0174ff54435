namespace Kith.ServiceDirectory.Contracts;

/// <summary>A way to reach a crisis line: a number to call or text (as the directory lists it).</summary>
internal sealed record CrisisContact(string Number, string Type, string? Description);

/// <summary>A crisis line from the directory, as other modules may show it to a person in danger.</summary>
internal sealed record CrisisLineFact(string ServiceId, string Name, string? OrganizationName, IReadOnlyList<CrisisContact> Contacts,
    string? Url, IReadOnlyList<string> Languages, bool SpeaksLanguage, bool Local);

/// <summary>
/// The directory's crisis lines for a place and a language: who answers now, in the person's language
/// first. Read from the in-memory search snapshot, so it is cheap enough for every confirmation page.
/// </summary>
internal interface IDirectoryCrisisLines
{
    Task<IReadOnlyList<CrisisLineFact>> ForAsync(Guid? areaId, string language, CancellationToken ct);
}
