using System.Text.RegularExpressions;
using Kith.Platform.Safety;
using Kith.Tests.ServiceDirectory.FindHelp;

namespace Kith.Tests.Concerns.Report;

/// <summary>
/// /concerns as a reporter uses it: the form in each language, the receipt shown by the same POST (never in a
/// URL or cookie), the crisis lines first when the concern reads as imminent, and problems beside their fields.
/// Runs on the Riverbend demo (schools, areas and the directory's crisis lines).
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ReportConcernPageTests(HelpSite site) : IClassFixture<HelpSite>
{
    private KithApp App => site.App;

    [Theory]
    [InlineData("en", "Who are you worried about?", "A friend")]
    [InlineData("es", "¿Por quién está preocupado?", "Un amigo o amiga")]
    [InlineData("so", "Yaad ka walwalsan tahay?", "Saaxiib")]
    public async Task The_form_speaks_the_readers_language_and_offers_every_answer(string language, string legend, string friend)
    {
        var (response, _, page) = await ConcernPages.GetAsync(App.Browser(), $"/concerns?lang={language}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("section.get-help")); // the Get help band stays on top
        var form = page.QuerySelector("form#concern-form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(language, form.QuerySelector("input[type=hidden][name=language]")!.GetAttribute("value"));
        Assert.Contains(form.QuerySelectorAll("legend"), l => l.TextContent.Trim() == legend);
        Assert.Equal(friend, form.QuerySelector("label[for=about-friend]")!.TextContent.Trim());
        Assert.Equal(6, form.QuerySelectorAll("input[type=radio][name=about]").Length);
        Assert.Equal(8, form.QuerySelectorAll("input[type=checkbox][name=categories]").Length);
        Assert.Equal(3, form.QuerySelectorAll("input[type=radio][name=urgency]").Length);
        Assert.Equal("10000", form.QuerySelector("textarea#narrative")!.GetAttribute("maxlength"));
        Assert.Contains("narrative-hint", form.QuerySelector("textarea#narrative")!.GetAttribute("aria-describedby"));
        Assert.Null(form.QuerySelector("details.concern-contact")!.GetAttribute("open"));
        foreach (var field in new[] { "contactName", "contactPhone", "contactEmail" })
            Assert.NotNull(form.QuerySelector($"details.concern-contact input#{field}[autocomplete]"));
    }

    [Fact]
    public async Task The_pickers_list_active_organisations_and_every_area_by_name()
    {
        var closed = await Staff.AddOrganisationAsync(App, "Aaa Closed Academy");
        await site.Read(async db =>
        {
            await db.Organisations.Where(o => o.Id == closed).ExecuteUpdateAsync(s => s.SetProperty(o => o.Active, false));
            return 0;
        });

        var (_, _, page) = await ConcernPages.GetAsync(App.Browser(), "/concerns");

        var organisations = page.QuerySelectorAll("select#organisationId option").Skip(1).Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Riverbend High School", organisations);
        Assert.DoesNotContain("Aaa Closed Academy", organisations);
        Assert.Equal(organisations.Order(StringComparer.OrdinalIgnoreCase), organisations);
        var areas = page.QuerySelectorAll("select#areaId option").Skip(1).Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(await site.Read(db => db.Areas.CountAsync()), areas.Count);
        Assert.Equal(areas.Order(StringComparer.OrdinalIgnoreCase), areas);
    }

    [Fact]
    public async Task A_concern_is_taken_and_the_receipt_shown_by_the_same_post_with_no_cookie_but_antiforgery()
    {
        var school = await site.Read(db => db.Organisations.Where(o => o.Name == "Riverbend High School").Select(o => o.Id).SingleAsync());
        var client = App.Browser();

        var (response, body, page) = await ConcernPages.ReportAsync(client,
            ("about", "student"), ("categories", "bullying"), ("categories", "grief"), ("urgency", "soon"),
            ("narrative", "Marker-3e9d: he eats lunch alone and they film him."), ("organisationId", school.ToString()), ("language", "en"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.All(ConcernPages.CookiesSet(response), name => Assert.Equal("kith-af", name));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("Thank you. A person will read this.", page.QuerySelector("main h1")!.TextContent.Trim());
        var receipt = page.QuerySelector("code#concern-receipt-code")!.TextContent.Trim();
        Assert.Matches(ReceiptShape(), receipt);
        Assert.NotNull(page.QuerySelector("button[data-copy-receipt=concern-receipt-code][hidden]")); // shown only by the script
        Assert.NotNull(page.QuerySelector("main a[href='/concerns/follow-up']"));
        Assert.Null(page.QuerySelector(".concern-danger"));
        Assert.Null(page.QuerySelector("form#concern-form"));
        Assert.DoesNotContain(receipt, page.Title);

        var concern = await ConcernData.ByReceiptAsync(App, receipt);
        Assert.Equal(("student", "bullying grief", "soon", "web", "en"), (concern.About, concern.Categories, concern.Urgency, concern.Channel, concern.Language));
        Assert.StartsWith("Marker-3e9d", concern.Narrative);
        Assert.Equal(school, concern.OrganisationId);
        Assert.True(concern.Anonymous);
        Assert.Null(concern.FiledBy);
    }

    [Fact]
    public async Task Contact_details_given_are_kept_and_the_concern_is_not_anonymous()
    {
        var (_, _, page) = await ConcernPages.ReportAsync(App.Browser(),
            ("about", "self"), ("categories", "eating-sleeping"), ("urgency", "can-wait"),
            ("contactName", "Sam"), ("contactPhone", "507-555-0199"), ("contactEmail", ""), ("language", "es"));

        var concern = await ConcernData.ByReceiptAsync(App, page.QuerySelector("code#concern-receipt-code")!.TextContent.Trim());
        Assert.False(concern.Anonymous);
        Assert.Equal(("Sam", "507-555-0199", null, "es"), (concern.ContactName, concern.ContactPhone, concern.ContactEmail, concern.Language));
    }

    [Fact]
    public async Task Danger_now_puts_the_crisis_lines_for_the_area_before_the_thanks_and_the_receipt()
    {
        var area = await site.Read(db => db.Areas.OrderBy(a => a.Code).Select(a => a.Id).FirstAsync());
        IReadOnlyList<CrisisRoute> directory;
        await using (var scope = App.Services.CreateAsyncScope())
            directory = await scope.ServiceProvider.GetRequiredService<ILocalCrisisLines>().ForAsync(area, "en", CancellationToken.None);

        var (response, body, page) = await ConcernPages.ReportAsync(App.Browser(),
            ("about", "friend"), ("categories", "suicide-self-harm"), ("urgency", "danger-now"),
            ("narrative", "Marker-71b0"), ("areaId", area.ToString()), ("language", "en"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var panel = page.QuerySelector("main .concern-danger[role=alert]")!;
        Assert.Equal("If someone is in danger now", panel.QuerySelector("h2")!.TextContent.Trim());
        var links = panel.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("tel:911", links);
        Assert.Contains("tel:988", links);
        // The directory's lines for the area: at least one the deployment's configured lines do not already offer.
        var local = directory.SelectMany(l => l.Contacts).Select(c => (c.Type == "text" ? "sms:" : "tel:") + new string(c.Number.Where(char.IsDigit).ToArray()));
        Assert.Contains(local, links.Contains);
        Assert.Contains(links, l => l.StartsWith("tel:", StringComparison.Ordinal) && l is not ("tel:911" or "tel:988"));
        Assert.True(body.IndexOf("concern-danger", StringComparison.Ordinal) < body.IndexOf("concern-receipt-code", StringComparison.Ordinal));
        Assert.True(body.IndexOf("concern-danger", StringComparison.Ordinal) < body.IndexOf("concern-thanks-title", StringComparison.Ordinal));
        Assert.Equal("imminent", (await ConcernData.ByReceiptAsync(App, page.QuerySelector("code#concern-receipt-code")!.TextContent.Trim())).Tier);
    }

    [Fact]
    public async Task Problems_are_listed_linked_and_shown_beside_their_fields_with_the_answers_kept_and_nothing_stored()
    {
        var before = await site.Read(db => db.Concerns.CountAsync());

        var (response, _, page) = await ConcernPages.ReportAsync(App.Browser(),
            ("categories", "grief"), ("narrative", "Marker-kept-9a1c"), ("contactName", "Alex"), ("contactEmail", "not-an-email"),
            ("organisationId", "not-an-id"), ("language", "en"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = page.QuerySelector("#concern-errors[tabindex=\"-1\"][autofocus]")!;
        var targets = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#about-friend", "#urgency-danger-now", "#contactEmail", "#organisationId"], targets);
        foreach (var target in targets) Assert.NotNull(page.QuerySelector(target!));
        Assert.Contains("Choose who you are worried about.", summary.TextContent);
        Assert.Equal("true", page.QuerySelector("#about-friend")!.GetAttribute("aria-invalid"));
        Assert.Contains("error-about", page.QuerySelector("#about-friend")!.Closest("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Equal("That does not look like an email address.", page.QuerySelector("#error-contactEmail")!.TextContent.Trim());
        Assert.Equal("error-contactEmail", page.QuerySelector("#contactEmail")!.GetAttribute("aria-describedby"));
        Assert.Equal("true", page.QuerySelector("#contactEmail")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("#narrative")!.GetAttribute("aria-invalid"));

        // What was written is still there.
        Assert.Equal("Marker-kept-9a1c", page.QuerySelector("#narrative")!.TextContent);
        Assert.True(page.QuerySelector("#categories-grief")!.HasAttribute("checked"));
        Assert.Equal("not-an-email", page.QuerySelector("#contactEmail")!.GetAttribute("value"));
        Assert.Equal("Alex", page.QuerySelector("#contactName")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("details.concern-contact")!.HasAttribute("open"));
        Assert.Null(page.QuerySelector("code#concern-receipt-code"));
        Assert.Equal(before, await site.Read(db => db.Concerns.CountAsync()));
    }

    [Fact]
    public async Task Problems_are_told_in_the_readers_language()
    {
        var client = App.Browser();
        await client.GetAsync("/language/so?returnUrl=%2Fconcerns");

        var (response, _, page) = await ConcernPages.ReportAsync(client, ("about", "friend"), ("language", "so"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Dooro ugu yaraan hal shay oo ku walwalinaya.", page.QuerySelector("#error-categories")!.TextContent.Trim());
        Assert.True(page.QuerySelector("#about-friend")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task The_home_page_and_the_header_lead_to_the_form_and_the_replies()
    {
        var (_, _, home) = await ConcernPages.GetAsync(App.Browser(), "/");

        Assert.Contains(home.QuerySelectorAll("main .hero a[href='/concerns']"), a => a.TextContent.Trim() == "Worried about someone?");
        Assert.NotNull(home.QuerySelector("header a[href='/concerns']"));
        Assert.NotNull(home.QuerySelector("main a[href='/concerns/follow-up']"));
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$")]
    private static partial Regex ReceiptShape();
}
