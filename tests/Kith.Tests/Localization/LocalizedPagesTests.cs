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

[Trait("Category", "Integration")]
public sealed class LocalizedAccountErrorsTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Identity_refusals_reach_a_Spanish_speaking_staff_member_in_Spanish()
    {
        var org = await Staff.AddOrganisationAsync(app, "Escuela Localizada");
        var (client, _) = await Staff.SignedInAsync(app, "respondedora@localized.test", Roles.Responder, org);
        await client.GetAsync("/language/es?returnUrl=/staff");

        var token = await Staff.AntiforgeryTokenAsync(client, "/staff/change-password");
        var response = await client.PostAsync("/staff/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.Current"] = "not the current password",
            ["Input.New"] = "a brand new long passphrase",
            ["Input.Confirm"] = "a brand new long passphrase",
        }));
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("La contraseña actual no es correcta.", html);

        // Long enough for the form, but Identity's own rule refuses it: its text must be Spanish too.
        token = await Staff.AntiforgeryTokenAsync(client, "/staff/change-password");
        var weak = await client.PostAsync("/staff/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.Current"] = Staff.Password,
            ["Input.New"] = "aaaaaaaaaaaaaaaa",
            ["Input.Confirm"] = "aaaaaaaaaaaaaaaa",
        }));
        Assert.Contains("Use al menos 5 caracteres distintos.", System.Net.WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));
    }
}
