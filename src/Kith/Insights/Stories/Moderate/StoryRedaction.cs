using System.Text.RegularExpressions;

namespace Kith.Insights.Stories.Moderate;

/// <summary>
/// The first pass of de-identification, before a moderator reads a story: the identifiers a pattern finds for certain
/// are replaced with a bracketed word — e-mail addresses, links, social handles, phone numbers and house numbers
/// ("[number] Elm Street"). Names, places and details that identify only in context are the moderator's work; this
/// catches what a tired moderator might miss, and runs again on the text they publish.
/// </summary>
internal static partial class StoryRedaction
{
    public const string Email = "[email]";
    public const string Link = "[link]";
    public const string Handle = "[handle]";
    public const string Phone = "[phone]";
    public const string Number = "[number]";

    /// <summary>The text with every identifier found replaced; the same text when none is found.</summary>
    public static string Redact(string text)
    {
        text = EmailAddress().Replace(text, Email);
        text = WebLink().Replace(text, Link);
        text = SocialHandle().Replace(text, Handle);
        text = PhoneNumber().Replace(text, m => Digits(m.Value) is >= 7 and <= 15 && !IsoDate().IsMatch(m.Value) ? Phone : m.Value);
        text = StreetAddress().Replace(text, Number);
        text = SpanishStreet().Replace(text, m => m.Value[..^m.Groups["number"].Length] + Number);
        text = Unit().Replace(text, m => m.Value[..^m.Groups["number"].Length] + Number);
        return text;
    }

    private static int Digits(string s) => s.Count(char.IsAsciiDigit);

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}")]
    private static partial Regex EmailAddress();

    // A scheme or "www.", or a bare domain with a common ending ("tiktok.com/@someone").
    [GeneratedRegex(@"(?:\b(?:https?://|www\.)\S+)|(?:\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|edu|gov|io|me|us|co|info|ly|gg|tv|app)\b(?:/\S*)?)", RegexOptions.IgnoreCase)]
    private static partial Regex WebLink();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]{2,}")]
    private static partial Regex SocialHandle();

    // Digits with the separators phone numbers are written with; counted afterwards (7 to 15 digits, as E.164 allows).
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\+?\(?\d[\d \t().-]{5,}\d(?![\p{L}\p{N}])")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    // "42 Elm Street", "1200 N. Oak Ave": a house number, up to three name words (not "the", "down"…), a street word.
    [GeneratedRegex(@"\b\d{1,6}[a-z]?(?=\s+(?:[nsew]\.?\s+)?(?:(?!(?:the|a|an|to|of|and|down|up|on|in|at|my|our|your|his|her|their|this|that|miles?|blocks?)\b)[\p{L}'.-]+\s+){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|terrace|circle|cir|highway|hwy|parkway|pkwy)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddress();

    // "calle Robles 214", "avenida Juárez #15".
    [GeneratedRegex(@"\b(?:calle|avenida|av\.|camino|waddada)\s+(?:[\p{L}'.-]+\s+){1,3}(?:#\s*|n[º°o]\.?\s*)?(?<number>\d{1,6})\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpanishStreet();

    // "apartment 4", "apt 12", "unit 5", "#305".
    [GeneratedRegex(@"(?:\b(?:apartment|apt|unit|suite|depto|departamento)\.?\s*#?\s*|(?<![\p{L}\p{N}])#)(?<number>\d{1,5}[a-z]?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Unit();
}
