using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.Tests.ServiceDirectory.Editing;

namespace Kith.Tests.ServiceDirectory.Translations;

/// <summary>
/// Directory text in the reader's language: a coordinator translates beside the English, readers choose their language
/// as the site lets them (the language link's cookie, or ?lang=), and what has no current translation shows in English, marked.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DirectoryTranslationTests(KithApp app) : IClassFixture<KithApp>
{
    private const string Marker = "Weli lama turjumin";
    private static readonly HtmlParser Parser = new();

    private static string Api(string id, string language) => $"/api/directory/services/{id}/translations/{language}";
    private static string Page(string id, string language) => $"/staff/directory/services/{id}/translations/{language}";

    [Fact]
    public async Task A_spanish_readers_results_page_with_many_cards_reads_the_translations_once_and_answers()
    {
        // Every card asks for its text while the page renders: they must share one read of the request's database,
        // never run two at once on it (a 500 on PostgreSQL, a broken pooled connection on SQLite).
        var (_, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Quillmere Clinics");
        for (var i = 1; i <= 6; i++) await AddServiceAsync(dirOrg, $"Quillmere counselling {i}", $"Counselling number {i}.", $"Closed on day {i}.");
        await DirectoryData.ReadAsync(app, async db => { await db.BumpRevisionAsync(DateTime.UtcNow, CancellationToken.None); return 0; });
        await app.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);

        foreach (var language in new[] { "es", "so" })
        {
            var response = await (await VisitorAsync(language)).GetAsync("/help?q=Quillmere");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cards = Parser.ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelectorAll("article.result")
                .Where(a => a.TextContent.Contains("Quillmere counselling")).ToList();
            Assert.Equal(6, cards.Count);
            Assert.All(cards, card => Assert.NotNull(card.QuerySelector(".result-alert span[lang=en]")));
        }
    }

    [Fact]
    public async Task A_coordinators_Spanish_reaches_Spanish_readers_a_Somali_reader_gets_marked_English_and_a_changed_original_turns_it_stale()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Translation Clinic");
        var id = await AddServiceAsync(dirOrg, "Zephyrgrove counselling", "Free counselling for anyone who feels low.", "Closed on Friday this week.");
        var (coordinator, coordinatorId) = await Staff.SignedInAsync(app, "coord@translations.test", Roles.Coordinator, kithOrg);
        await DirectoryData.ReadAsync(app, async db => { await db.BumpRevisionAsync(DateTime.UtcNow, CancellationToken.None); return 0; });
        await app.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);

        var sheet = Parser.ParseDocument(await coordinator.GetStringAsync(Page(id, "es")));
        Assert.Equal("Free counselling for anyone who feels low.", sheet.QuerySelector("#t-description-original")!.TextContent);
        Assert.Equal("en", sheet.QuerySelector("#t-description-original")!.GetAttribute("lang"));
        Assert.Equal("es", sheet.QuerySelector("textarea#t-description")!.GetAttribute("lang"));
        var saved = await Staff.PostFormAsync(coordinator, Page(id, "es"), "translations",
            [new("description", "Orientación gratuita para quien se sienta decaído."), new("alert", "")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Page(id, "es"), Staff.RedirectPath(saved));

        var spanish = await VisitorAsync("es");
        var page = Parser.ParseDocument(await spanish.GetStringAsync($"/help/services/{id}"));
        var description = page.QuerySelector("#what-title + p")!;
        Assert.Equal("Orientación gratuita para quien se sienta decaído.", description.TextContent.Trim());
        Assert.Null(description.QuerySelector("[lang=en]"));
        var alert = page.QuerySelector(".result-alert")!;
        Assert.Equal("Closed on Friday this week.", alert.QuerySelector("span[lang=en]")!.TextContent);
        Assert.Contains("Aún no traducido", alert.QuerySelector(".untranslated")!.TextContent);
        var organisation = page.QuerySelector("#org-title")!.ParentElement!;
        Assert.Equal("Sobre la organización", page.QuerySelector("#org-title")!.TextContent);
        Assert.Equal("Translation Clinic", organisation.QuerySelector("span[lang=en]")!.TextContent);
        Assert.Contains("Aún no traducido", organisation.QuerySelector(".untranslated")!.TextContent);
        var results = Parser.ParseDocument(await spanish.GetStringAsync("/help?q=Zephyrgrove"));
        var card = results.QuerySelectorAll("article.result").Single(a => a.TextContent.Contains("Zephyrgrove"));
        Assert.Contains("Orientación gratuita para quien se sienta decaído.", card.TextContent);
        Assert.Equal("Closed on Friday this week.", card.QuerySelector(".result-alert span[lang=en]")!.TextContent);

        var somali = Parser.ParseDocument(await app.Browser().GetStringAsync($"/help/services/{id}?lang=so"));
        var untranslated = somali.QuerySelector("#what-title + p")!;
        Assert.Equal("Free counselling for anyone who feels low.", untranslated.QuerySelector("span[lang=en]")!.TextContent);
        Assert.Contains(Marker, untranslated.QuerySelector(".untranslated")!.TextContent);
        var english = Parser.ParseDocument(await app.Browser().GetStringAsync($"/help/services/{id}?lang=en"));
        Assert.Equal("Free counselling for anyone who feels low.", english.QuerySelector("#what-title + p")!.TextContent.Trim());
        Assert.Empty(english.QuerySelectorAll(".untranslated"));

        await DirectoryData.ReadAsync(app, async db =>
        {
            var row = await db.DirectoryTranslations.SingleAsync(t => t.LinkId == id);
            Assert.Equal(("service", "description", "es", Translatable.Hash("Free counselling for anyone who feels low.")), (row.LinkEntity, row.FieldName, row.Language, row.SourceHash));
            var change = await db.MetadataEntries.SingleAsync(m => m.ResourceId == id && m.FieldName == "description (es)");
            Assert.Equal((MetadataEntry.NoValue, "Orientación gratuita para quien se sienta decaído.", "coord"), (change.PreviousValue, change.ReplacementValue, change.UpdatedBy));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "directory.translation-updated" && e.SubjectId == id && e.ActorId == coordinatorId));
            return 0;
        });

        // The English changes through the service editor: the translation is out of date for its editor, and readers get the new English, marked.
        var edited = await Staff.PostFormAsync(coordinator, $"/staff/directory/services/{id}", "service",
            EditServicePagesTests.Form("Zephyrgrove counselling", ("description", "Free counselling on Mondays for anyone who feels low.")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var stale = Parser.ParseDocument(await coordinator.GetStringAsync(Page(id, "es")));
        Assert.Equal("The English text changed since this was translated.", stale.QuerySelector("#t-description-stale")!.TextContent);
        Assert.Contains("1 out of date", await coordinator.GetStringAsync($"/staff/directory/services/{id}"));
        var afterChange = Parser.ParseDocument(await spanish.GetStringAsync($"/help/services/{id}"));
        Assert.Equal("Free counselling on Mondays for anyone who feels low.", afterChange.QuerySelector("#what-title + p span[lang=en]")!.TextContent);

        // Saying the translation still matches makes it current again without retyping it.
        var confirmed = await coordinator.PutAsJsonAsync(Api(id, "es"), new { current = new[] { "description" } });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var body = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("texts").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "description").GetProperty("stale").GetBoolean());
        var current = Parser.ParseDocument(await spanish.GetStringAsync($"/help/services/{id}"));
        Assert.Equal("Orientación gratuita para quien se sienta decaído.", current.QuerySelector("#what-title + p")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("xx", """{"texts":{"description":"Hola"}}""", "language")]
    [InlineData("spanish", """{"texts":{"description":"Hola"}}""", "language")]
    [InlineData("en", """{"texts":{"description":"Hello"}}""", "language")]
    [InlineData("es", """{"texts":{"name":"Otro nombre"}}""", "name")]
    [InlineData("es", """{"texts":{"description":"Hola","alert":"TOO-LONG"}}""", "alert")]
    [InlineData("es", """{"texts":{"schedule.nope.notes":"Hola"}}""", "schedule.nope.notes")]
    public async Task Bad_input_is_a_400_problem_naming_the_field_and_nothing_is_written(string language, string json, string field)
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Translation Bad " + Guid.NewGuid().ToString("N")[..6]);
        var id = await AddServiceAsync(dirOrg, "Bad input service", "A description.", "An alert.");
        var (coordinator, _) = await Staff.SignedInAsync(app, $"coord-{Guid.NewGuid():N}@translations.test", Roles.Coordinator, kithOrg);
        var revision = await DirectoryData.RevisionAsync(app);

        var response = await coordinator.PutAsync(Api(id, language),
            new StringContent(json.Replace("TOO-LONG", new string('a', 4001)), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.False(await DirectoryData.ReadAsync(app, db => db.DirectoryTranslations.AnyAsync(t => t.LinkId == id)));
        Assert.Equal(revision, await DirectoryData.RevisionAsync(app));

        if (field != "alert") return;
        // The page says the same, keeps what was typed, and writes nothing either.
        var page = await Staff.PostFormAsync(coordinator, Page(id, "es"), "translations", [new("description", "Hola"), new("alert", new string('a', 4001))]);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = Parser.ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Contains("A translation can be at most 4000 characters.", html.QuerySelector("#form-errors")!.TextContent);
        Assert.Equal("Hola", html.QuerySelector("textarea#t-description")!.TextContent);
        Assert.False(await DirectoryData.ReadAsync(app, db => db.DirectoryTranslations.AnyAsync(t => t.LinkId == id)));
    }

    [Fact]
    public async Task Only_an_admin_or_a_coordinator_of_the_owner_may_translate()
    {
        var (mine, _) = await DirectoryData.AddOwnerAsync(app, "Translation Mine");
        var (_, theirs) = await DirectoryData.AddOwnerAsync(app, "Translation Theirs");
        var id = await AddServiceAsync(theirs, "Their service", "Their description.", null);
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord-other@translations.test", Roles.Coordinator, mine);
        var (responder, _) = await Staff.SignedInAsync(app, "responder@translations.test", Roles.Responder, mine);
        var body = new { texts = new Dictionary<string, string> { ["description"] = "Su descripción." } };

        var anonymous = await app.Browser().PutAsJsonAsync(Api(id, "es"), body);
        var wrongRole = await responder.PutAsJsonAsync(Api(id, "es"), body);
        var forbidden = await coordinator.PutAsJsonAsync(Api(id, "es"), body);
        var unknown = await coordinator.PutAsJsonAsync(Api(Guid.NewGuid().ToString(), "es"), body);
        var anonymousPage = await app.Browser().GetAsync(Page(id, "es"));
        var otherPage = await coordinator.GetAsync(Page(id, "es"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("/staff/sign-in", anonymousPage.Headers.Location?.OriginalString ?? "");
        Assert.Equal("/staff/denied", Staff.RedirectPath(otherPage));
        Assert.False(await DirectoryData.ReadAsync(app, db => db.DirectoryTranslations.AnyAsync(t => t.LinkId == id)));
    }

    private async Task<HttpClient> VisitorAsync(string language)
    {
        var client = app.Browser();
        var chosen = await client.GetAsync($"/language/{language}?returnUrl=%2Fhelp");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        return client;
    }

    private Task<string> AddServiceAsync(string organizationId, string name, string description, string? alert) =>
        DirectoryData.AddServiceAsync(app, organizationId, name, more: (db, sid) =>
        {
            var service = db.Services.Local.Single(s => s.Id == sid);
            (service.Description, service.Alert) = (description, alert);
        });
}
