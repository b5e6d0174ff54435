using Kith.Tests.Infrastructure;

namespace Kith.Tests.Localization;

[Trait("Category", "Integration")]
public sealed class LocalizedPagesTests(KithApp app) : IClassFixture<KithApp>
{
    [Theory]
    [InlineData("en", "Get help now", "Quick exit")]
    [InlineData("es", "Obtenga ayuda ahora", "Salida rápida")]
    [InlineData("so", "Hel caawimaad hadda", "Ka bax degdeg")]
    public async Task The_language_switch_remembers_the_choice_and_pages_speak_it(string language, string band, string exit)
    {
        var client = app.Browser();

        var switched = await client.GetAsync($"/language/{language}?returnUrl=/");
        var home = await client.GetStringAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains($"<html lang=\"{language}\"", home);
        Assert.Contains(band, System.Net.WebUtility.HtmlDecode(home));
        Assert.Contains(exit, System.Net.WebUtility.HtmlDecode(home));
    }

    [Fact]
    public async Task Without_a_choice_the_browser_language_decides()
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("so-SO,so;q=0.9");

        var home = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Contains("Hel caawimaad hadda", home);
    }
}
