using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kith.Tests.Infrastructure;

namespace Kith.BrowserTests;

/// <summary>
/// What a reader of a language is shown for an English text, read from the shipped .resx — so a test of a page "in
/// Spanish" compares with the translation itself, not with a copy that could drift or be English.
/// </summary>
internal static class Translation
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Files = new();

    public static string Of(string language, string english) =>
        Files.GetOrAdd(language, Load).TryGetValue(english, out var text) && text.Length > 0
            ? text
            : throw new KeyNotFoundException($"SharedResource.{language}.resx has no translation of '{english}'");

    /// <summary>The translation as a whole-text pattern, each placeholder (<c>{0}</c>) standing for a number.</summary>
    public static Regex CountPattern(string language, string english) =>
        new("^" + Regex.Escape(Of(language, english)).Replace(@"\{0}", @"\d+", StringComparison.Ordinal) + "$");

    private static IReadOnlyDictionary<string, string> Load(string language) =>
        XDocument.Load(Path.Combine(KithProcess.RepositoryRoot, "src", "Kith", "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => ((string?)d.Element("value") ?? "").Trim());
}
