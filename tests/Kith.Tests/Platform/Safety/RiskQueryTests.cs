using Kith.Platform.Safety;

namespace Kith.Tests.Platform.Safety;

/// <summary>Search queries read by the risk-language engine (as the directory's search pins crisis lines).</summary>
public sealed class RiskQueryTests
{
    [Theory]
    [InlineData("I want to die", "want to die")]
    [InlineData("i wnat to die tonight", "want to die")]      // typo
    [InlineData("how do I kill my self", "kill myself")]      // spacing
    [InlineData("KILLMYSELF", "kill myself")]
    [InlineData("thinking about ending my life", "ending my life")]
    [InlineData("suicide prevention training", "suicide")]  // no negation handling, on purpose
    [InlineData("feeling suicidal", "suicidal")]
    [InlineData("i keep wanting to hurt myself", "hurt myself")]
    [InlineData("No quiero vivir", "no quiero vivir")]
    [InlineData("quiero morír", "quiero morir")]             // stray accent
    [InlineData("voy a matarme", "matarme")]
    [InlineData("ayuda suicidio", "suicidio")]
    [InlineData("Waxaan rabaa inaan dhinto", "waxaan rabaa inaan dhinto")]
    [InlineData("waxan rabaa inaan dhinto", "waxaan rabaa inaan dhinto")] // typo
    [InlineData("is-dil", "isdil")]
    [InlineData("is dilid", "is dilid")]
    [InlineData("naftayda dil", "naftayda dil")]
    public void Risk_phrases_are_detected_in_three_languages(string text, string phrase) => Assert.Equal(phrase, RiskLanguage.ReadQuery(text)?.Term);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("food pantry near me")]
    [InlineData("grief group for kids")]
    [InlineData("crisis dilemma workshop")]   // "isdil" hides inside "crisisdilemma": only word-aligned matches count
    [InlineData("diesel mechanic")]
    [InlineData("consejería familiar")]
    [InlineData("daryeelka carruurta")]
    public void Ordinary_searches_do_not_signal_risk(string? text) => Assert.Null(RiskLanguage.ReadQuery(text));

    [Theory]
    [InlineData("I want to die", "phrase.en.suicide-ideation")]
    [InlineData("cut myself", "phrase.en.self-harm")]
    [InlineData("hacerme daño", "phrase.es.self-harm")]
    [InlineData("me quiero matar", "phrase.es.suicide-ideation")]
    [InlineData("is dilid", "phrase.so.suicide-ideation")]
    public void A_query_says_which_rule_fired_and_its_tier(string text, string rule)
    {
        var signal = RiskLanguage.ReadQuery(text);
        Assert.Equal(rule, signal?.Rule);
        Assert.Equal(RiskTier.Urgent, signal?.Tier);
    }
}
