using System.Collections.Frozen;
using System.Globalization;

namespace Kith.ServiceDirectory.Search;

/// <summary>
/// Every ISO 639-1, 639-2 and 639-3 code and BCP 47 tag (<c>es-MX</c>, <c>zh-Hant-TW</c>) read as one key: the
/// two-letter code where ISO 639-1 has one, else the three-letter code. HSDS allows either, so <c>spa</c>,
/// <c>es</c> and <c>es-MX</c> must meet, and <c>hmn</c> (Hmong), <c>kar</c> (Karen) and <c>ase</c> (American
/// Sign Language), which have no two-letter code, must be kept. The table is SIL's (see language-codes.tsv, ADR 0031).
/// </summary>
internal static class LanguageCodes
{
    private readonly record struct Entry(string Key, string EnglishName);

    private static readonly FrozenDictionary<string, Entry> ByCode = Load();

    /// <summary>The key for <paramref name="tag"/>, or null when it is not a well-formed tag with a known language.</summary>
    public static string? Canonical(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35) return null;
        var parts = tag.Trim().Split('-', '_');
        foreach (var part in parts)
            if (part.Length is 0 or > 8 || !part.All(char.IsAsciiLetterOrDigit)) return null;
        var primary = parts[0].ToLowerInvariant();
        if (primary.Length is not (2 or 3) || !primary.All(char.IsAsciiLetter)) return null;
        return ByCode.TryGetValue(primary, out var entry) ? entry.Key : null;
    }

    /// <summary>ISO's English reference name for a key ("Karen", "Hmong"), or the key when unknown.</summary>
    public static string EnglishName(string key) => ByCode.TryGetValue(key, out var entry) ? entry.EnglishName : key;

    /// <summary>The name in the reader's language where the platform's ICU data has one, else ISO's English name.</summary>
    public static string DisplayName(string key)
    {
        if (KnownToIcu(key) is { } culture) return culture.DisplayName;
        return EnglishName(key);
    }

    /// <summary>The name in the language itself where ICU has one ("Español", "Soomaali"), else ISO's English name.</summary>
    public static string NativeName(string key) => KnownToIcu(key)?.NativeName ?? EnglishName(key);

    // ICU answers for any well-formed name; one it does not know comes back named after its own code.
    private static CultureInfo? KnownToIcu(string key)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(key);
            return culture.EnglishName.Contains(key, StringComparison.OrdinalIgnoreCase) || culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal)
                ? null : culture;
        }
        catch (CultureNotFoundException) { return null; }
    }

    private static FrozenDictionary<string, Entry> Load()
    {
        using var stream = typeof(LanguageCodes).Assembly.GetManifestResourceStream("search/language-codes.tsv")
            ?? throw new InvalidOperationException("search/language-codes.tsv is not embedded");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            var entry = new Entry(fields[1].Length == 2 ? fields[1] : fields[0], fields[2]);
            codes[fields[0]] = entry;
            if (fields[1].Length == 2) codes[fields[1]] = entry;
        }
        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
