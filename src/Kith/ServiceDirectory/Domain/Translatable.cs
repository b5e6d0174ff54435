using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.Domain;

/// <summary>
/// What may be translated and how a translation is judged: the free-text fields a reader sees (names stay as
/// given), in a well-formed language tag, no longer than the editor allows the original, current while the
/// original it was made from is unchanged. Originals are in the deployment's language, English.
/// </summary>
internal static partial class Translatable
{
    public const string OriginalLanguage = "en";
    public const int MaxLength = 4000;

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Fields = new Dictionary<string, IReadOnlyList<string>>
    {
        { "service", ["description", "alert", "eligibility_description", "application_process", "fees_description", "interpretation_services", "wait_time"] },
        { "organization", ["description"] },
        { "schedule", ["description", "notes"] },
    };

    public static bool IsField(string entity, string field) => Fields.TryGetValue(entity, out var fields) && fields.Contains(field);

    /// <summary>The original text of a field of an HSDS row (a <see cref="Service"/>, <see cref="DirectoryOrganization"/> or <see cref="Schedule"/>).</summary>
    public static string? Original(object record, string field) => HsdsSchema.Table(record.GetType()).Field(field)?.Get(record) as string;

    public static string Hash(string? original) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original ?? "")));

    public static bool IsCurrent(DirectoryTranslation t, string? original) =>
        !string.IsNullOrWhiteSpace(original) && (t.SourceHash is null || t.SourceHash == Hash(original));

    /// <summary>
    /// The tag in its usual case (es, es-MX, so, hmn, zh-Hant), or null when it is not a language Kith can name: a two-letter
    /// language must be ISO 639-1 as the platform knows it; a three-letter one (ISO 639-3) is taken as written.
    /// </summary>
    public static string? NormaliseLanguage(string? tag)
    {
        var match = TagPattern().Match(tag?.Trim() ?? "");
        if (!match.Success) return null;
        var language = match.Groups["lang"].Value.ToLowerInvariant();
        if (language.Length == 2 && !TwoLetterCodes.Contains(language)) return null;
        var script = match.Groups["script"].Success ? "-" + char.ToUpperInvariant(match.Groups["script"].Value[0]) + match.Groups["script"].Value[1..].ToLowerInvariant() : "";
        var region = match.Groups["region"].Success ? "-" + match.Groups["region"].Value.ToUpperInvariant() : "";
        return language + script + region;
    }

    /// <summary>Translations of the reader's language: the exact tag first, then any of its primary language (es-MX for es).</summary>
    public static bool Serves(string translationLanguage, string readerLanguage) =>
        translationLanguage == readerLanguage || translationLanguage.StartsWith(readerLanguage + "-", StringComparison.Ordinal);

    private static readonly HashSet<string> TwoLetterCodes = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.TwoLetterISOLanguageName).Where(c => c.Length == 2).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(?<lang>[A-Za-z]{2,3})(-(?<script>[A-Za-z]{4}))?(-(?<region>[A-Za-z]{2}|[0-9]{3}))?$")]
    private static partial Regex TagPattern();
}
