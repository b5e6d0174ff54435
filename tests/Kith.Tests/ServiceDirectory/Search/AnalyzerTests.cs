using Kith.Platform.Localization;
using Kith.ServiceDirectory.Search;
using static Kith.Tests.ServiceDirectory.Search.SearchTestDocuments;

namespace Kith.Tests.ServiceDirectory.Search;

public sealed class AnalyzerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Consejería", "consejeria")]
    [InlineData("NIÑOS", "ninos")]
    [InlineData("Café Crème", "cafe creme")]
    [InlineData("Straße", "strasse")]
    [InlineData("don’t", "don't")]
    public void Folding_lowercases_and_strips_diacritics(string text, string folded) => Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Words_split_on_punctuation_and_join_hyphenated_words_in_queries()
    {
        Assert.Equal(["grief", "support", "near", "me"], Analyzer.Words("Grief support, near ME!"));
        Assert.Equal(["isdil", "dont"], Analyzer.Words("is-dil don't"));
    }

    [Theory]
    [InlineData("families", "en", "family")]
    [InlineData("therapies", "en", "therapy")]
    [InlineData("farmers", "en", "farm")]
    [InlineData("farmer", "en", "farm")]
    [InlineData("counseling", "en", "counsel")]
    [InlineData("running", "en", "run")]
    [InlineData("abused", "en", "abus")]
    [InlineData("abuse", "en", "abus")]
    [InlineData("houses", "en", "hous")]
    [InlineData("housing", "en", "hous")]
    [InlineData("crisis", "en", "crisis")]
    [InlineData("bus", "en", "bus")]
    [InlineData("atenciones", "es", "atencion")]
    [InlineData("atencion", "es", "atencion")]
    [InlineData("mujeres", "es", "mujer")]
    [InlineData("terapias", "es", "terapi")]
    [InlineData("terapia", "es", "terapi")]
    [InlineData("daryeelka", "so", "daryeel")]
    [InlineData("hooyo", "so", "hooyo")]
    public void Stemming_strips_light_suffixes(string word, string language, string stem)
    {
        Assert.True(Stemmer.TryLanguage(language, out var stemLanguage));
        Assert.Equal(stem, Stemmer.Stem(word, stemLanguage));
    }

    [Fact]
    public void Stop_words_are_dropped_in_each_language() =>
        Assert.Equal(["grief", "grupo", "duelo", "kooxda"], Analyzer.Terms("the grief, un grupo de duelo iyo kooxda", StemLanguage.English));

    [Theory]
    [InlineData("greif", "grief")]           // transposition
    [InlineData("grif", "grief")]            // deletion
    [InlineData("bereavment", "bereavement")]
    [InlineData("counsilling", "counselling")] // two edits, long word
    public void Typos_are_within_the_allowed_distance(string typo, string word)
    {
        Assert.True(Analyzer.WithinTypos(typo, word));
        Assert.True(Analyzer.WithinTypos(word, typo));
    }

    [Theory]
    [InlineData("bus", "bug")]          // too short for any typo
    [InlineData("food", "fool")]        // 4 letters: one typo allowed
    public void Short_words_allow_few_typos(string a, string b)
    {
        Assert.Equal(a.Length >= 4, Analyzer.WithinTypos(a, b));
        Assert.False(Analyzer.WithinTypos("grief", "brush"));
        Assert.False(Analyzer.WithinTypos("counselling", "cancelled"));
    }

    [Fact]
    public void A_typo_in_the_query_or_in_the_document_still_finds_the_service()
    {
        var index = DirectoryIndex.Build([Service("a", "Bereavement Circle"), Service("b", "Counciling for Youth"), Service("c", "Food Shelf")]);
        Assert.Equal("a", DirectorySearch.Run(index, new SearchQuery("bereavment"), Now).Hits.Single().Document.ServiceId);
        Assert.Equal("b", DirectorySearch.Run(index, new SearchQuery("counseling"), Now).Hits.Single().Document.ServiceId);
        Assert.Empty(DirectorySearch.Run(index, new SearchQuery("fod"), Now).Hits); // 3 letters: no typo allowed
    }

    [Theory]
    [InlineData("bereavement", "grief")]
    [InlineData("mourning", "grief")]
    [InlineData("duelo", "grief")]
    [InlineData("murug", "grief")]
    [InlineData("terapia", "counselling")]
    [InlineData("la-talin", "counselling")]
    [InlineData("therapists", "counselling")]
    [InlineData("despensa", "food")]
    [InlineData("food shelf", "food")]
    [InlineData("cunto", "food")]
    [InlineData("refugio", "housing")]
    [InlineData("daryeelka carruurta", "childcare")]
    [InlineData("guardería", "childcare")]
    [InlineData("gaadiid", "transport")]
    [InlineData("niyad-jab", "depression")]
    [InlineData("walwal", "anxiety")]
    [InlineData("askari hore", "veteran")]
    [InlineData("beeralay", "farmer")]
    [InlineData("kalinimo", "loneliness")]
    [InlineData("adicción", "substance")]
    [InlineData("maandooriye", "substance")]
    [InlineData("isdilid", "suicide")]
    public void Synonyms_are_found_in_each_language(string text, string group) => Assert.Contains(group, Analyzer.SynonymGroups(text));

    [Theory]
    [InlineData("duelo", "Grief Circle")]
    [InlineData("murug", "Bereavement Support")]
    [InlineData("grief", "Grupo de Duelo")]
    [InlineData("counselling", "Terapia familiar")]
    [InlineData("food shelf", "Despensa comunitaria")]
    [InlineData("la-talin", "Family Therapy")]
    public void A_synonym_in_another_language_finds_the_service(string query, string name)
    {
        var index = DirectoryIndex.Build([Service("a", name), Service("b", "Bicycle Repair Workshop")]);
        var hit = Assert.Single(DirectorySearch.Run(index, new SearchQuery(query), Now).Hits);
        Assert.All(hit.Reasons.Where(r => r.Kind == MatchKinds.Text), r => Assert.Contains("via=synonym", r.Detail));
    }

    [Fact]
    public void Hyphenated_and_spaced_words_find_each_other()
    {
        var index = DirectoryIndex.Build([Service("a", "Self-harm Peer Support")]);
        Assert.Single(DirectorySearch.Run(index, new SearchQuery("self harm"), Now).Hits);
        Assert.Single(DirectorySearch.Run(index, new SearchQuery("selfharm"), Now).Hits);
        Assert.Single(DirectorySearch.Run(index, new SearchQuery("self-harm"), Now).Hits);
    }
}
