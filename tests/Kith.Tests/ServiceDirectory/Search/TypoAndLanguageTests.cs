using Kith.ServiceDirectory.Search;
using static Kith.Tests.ServiceDirectory.Search.SearchTestDocuments;

namespace Kith.Tests.ServiceDirectory.Search;

/// <summary>
/// Typo tolerance that reads people as they type: a word the directory knows, or a short one, is not bent into another
/// real word ("food" → "good", "flood", "mood"), while dropped, doubled and swapped letters still find their service.
/// And language codes as HSDS allows them: ISO 639-1, 639-2/3 and BCP 47 tags, all meeting at one key.
/// </summary>
public sealed class TypoAndLanguageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);

    // Words that sit side by side in the Riverbend demo's vocabulary (names, descriptions and keywords).
    private static readonly DirectoryIndex Index = DirectoryIndex.Build([
        Service("food", "Riverbend Food Shelf", "Groceries for any household."),
        Service("good", "Good Neighbour telehealth", "Video visits from home."),
        Service("flood", "Flood recovery nurse visits", "After the flood, a nurse visits."),
        Service("mood", "Mood and anxiety group", "A weekly group."),
        Service("bad", "Bad dreams clinic", "Sleep help."),
        Service("core", "Core skills class", "Reading and numbers."),
        Service("car", "Car repair help", "Cheap repairs."),
        Service("care", "After-school care", "Childcare for ages 5 to 12."),
        Service("rest", "Rest and respite", "A break for carers."),
        Service("rent", "Rent help", "Help with rent arrears."),
        Service("shelter", "Emergency shelter for families", "Beds tonight."),
        Service("depression", "Depression support circle", "Peer support."),
        Service("counselling", "Counselling for adults", "Talk therapy."),
        Service("brief", "Brief intervention", "Short advice sessions."),
        Service("grief", "Grief circle", "Bereavement support."),
    ]);

    [Theory]
    [InlineData("food", "good,flood,mood")]
    [InlineData("good", "food,mood")]
    [InlineData("care", "core,car")]
    [InlineData("rent", "rest")]
    [InlineData("rest", "rent")]
    [InlineData("bad", "")]
    [InlineData("brief", "grief")]
    [InlineData("grief", "brief")]
    [InlineData("mood", "food,good,flood")]
    public void A_known_or_short_word_is_not_bent_into_another_real_word(string query, string notFound)
    {
        var hits = DirectorySearch.Run(Index, new SearchQuery(query), Now).Hits;
        Assert.Contains(hits, h => h.Document.ServiceId == query);
        foreach (var other in notFound.Split(',', StringSplitOptions.RemoveEmptyEntries))
            Assert.DoesNotContain(hits, h => h.Document.ServiceId == other);
        Assert.DoesNotContain(hits, h => h.Reasons.Any(r => r.Detail.Contains("via=typo", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("shleter", "shelter")]      // swapped letters
    [InlineData("depresion", "depression")] // a dropped letter
    [InlineData("councelling", "counselling")] // a changed letter in a long word nobody else has
    [InlineData("counseling", "counselling")]  // the American spelling
    [InlineData("fodo", "food")]            // a short word mistyped, not a word itself
    [InlineData("greif", "grief")]
    public void True_typos_still_find_their_service(string query, string expected)
    {
        // Common misspellings may also sit in the synonym table ("depresion"); either way the service is found.
        var hit = Assert.Single(DirectorySearch.Run(Index, new SearchQuery(query), Now).Hits, h => h.Document.ServiceId == expected);
        Assert.Contains(hit.Reasons, r => r.Detail.Contains("via=typo", StringComparison.Ordinal) || r.Detail.Contains("via=synonym", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("ES", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("es_419", "es")]
    [InlineData("spa", "es")]
    [InlineData("eng", "en")]
    [InlineData("som", "so")]
    [InlineData("so-SO", "so")]
    [InlineData("hmn", "hmn")]
    [InlineData("hmn-US", "hmn")]
    [InlineData("kar", "kar")]
    [InlineData("ase", "ase")]
    [InlineData("ksw", "ksw")]       // S'gaw Karen
    [InlineData("ger", "de")]        // ISO 639-2/B
    [InlineData("zh-Hant-TW", "zh")]
    public void Every_iso_code_and_tag_meets_at_one_key(string code, string key) => Assert.Equal(key, LanguageCodes.Canonical(code));

    [Theory]
    [InlineData("zz")]
    [InlineData("zzz")]
    [InlineData("english")]
    [InlineData("e")]
    [InlineData("12")]
    [InlineData("es-")]
    [InlineData("x-klingon")]
    [InlineData("es MX")]
    [InlineData("")]
    public void Unknown_or_malformed_codes_have_no_key(string code) => Assert.Null(LanguageCodes.Canonical(code));

    [Fact]
    public void The_table_has_every_two_letter_code_and_iso_reference_names()
    {
        Assert.Equal("Hmong", LanguageCodes.EnglishName("hmn"));
        Assert.Equal("Karen", LanguageCodes.EnglishName("kar"));
        Assert.Equal("American Sign Language", LanguageCodes.EnglishName("ase"));
        // ISO 639-1 has 183 codes plus the withdrawn "sh"; every one maps to itself.
        var twoLetter = new[] { "aa", "ab", "af", "am", "ar", "bn", "fa", "hi", "ht", "km", "lo", "my", "ne", "om", "ps", "ru", "sw", "ti", "uk", "ur", "vi", "yo", "zu" };
        Assert.All(twoLetter, c => Assert.Equal(c, LanguageCodes.Canonical(c)));
    }

    [Fact]
    public void Documents_with_three_letter_codes_are_found_by_any_form_of_the_code()
    {
        var index = DirectoryIndex.Build([
            Service("hmong", "Hmong elders group", languages: ["hmn"]),
            Service("spanish", "Grupo de apoyo", languages: ["spa"]),
            Service("asl", "Deaf peer support", languages: ["ase"]),
        ]);
        Assert.Equal("hmong", Assert.Single(DirectorySearch.Run(index, new SearchQuery(Language: "hmn"), Now).Hits).Document.ServiceId);
        Assert.Equal("spanish", Assert.Single(DirectorySearch.Run(index, new SearchQuery(Language: "es-MX"), Now).Hits).Document.ServiceId);
        Assert.Equal("asl", Assert.Single(DirectorySearch.Run(index, new SearchQuery(Language: "ase"), Now).Hits).Document.ServiceId);
    }
}
