using Kith.Tests.Concerns;
using Kith.Tests.ServiceDirectory.FindHelp;

namespace Kith.Tests.Screening.SelfCheck;

/// <summary>
/// /check/{id} as a person uses it: a result with next steps and nothing of their answers kept; critical answers
/// show crisis lines before anything else — even on an unfinished form — and, only with consent, raise a concern
/// routed and paged like any other. Runs on the Riverbend demo (directory crisis lines, concern teams).
/// </summary>
[Trait("Category", "Integration")]
public sealed class SelfCheckPageTests(HelpSite site) : IClassFixture<HelpSite>
{
    private KithApp App => site.App;

    private static (string, string)[] Phq9(params int[] items) =>
        [.. items.Select((v, i) => ($"answer-{i + 1}", v.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    private Task<(HttpResponseMessage Response, string Body, AngleSharp.Dom.IDocument Page)> AnswerAsync(HttpClient client, string instrument, params (string Key, string Value)[] fields) =>
        Post(client, instrument, "self-check-answers", fields);

    private static async Task<(HttpResponseMessage Response, string Body, AngleSharp.Dom.IDocument Page)> Post(HttpClient client, string instrument, string form, (string Key, string Value)[] fields) =>
        await ConcernPages.ReadAsync(await Staff.PostFormAsync(client, $"/check/{instrument}", form, fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    [Fact]
    public async Task Every_instrument_has_a_self_check_page_in_every_language()
    {
        var (_, _, list) = await ConcernPages.GetAsync(App.Browser(), "/check");
        var links = list.QuerySelectorAll("ul.screening-instruments a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(12, links.Count);
        foreach (var link in links)
            foreach (var language in new[] { "en", "es", "so" })
            {
                var (response, _, page) = await ConcernPages.GetAsync(App.Browser(), $"{link}?lang={language}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
                Assert.NotEmpty(page.QuerySelectorAll("form.screening-answers fieldset.screening-question input[type=radio]"));
            }
    }

    [Fact]
    public async Task A_finished_check_shows_the_result_and_next_steps_and_keeps_no_answers()
    {
        var before = await site.Read(db => db.ScreeningResponses.CountAsync());
        var client = App.Browser();

        var (response, _, page) = await AnswerAsync(client, "phq-9", Phq9(2, 2, 1, 1, 1, 1, 1, 1, 0));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.All(ConcernPages.CookiesSet(response), name => Assert.Equal("kith-af", name));
        Assert.Equal("10", page.QuerySelector("[data-score=total]")!.TextContent.Trim()); // 2+2+1+1+1+1+1+1+0
        Assert.Equal("Moderate", page.QuerySelector(".screening-band strong")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-flag=positive]"));
        Assert.Null(page.QuerySelector("section.concern-danger")); // item 9 was 0: no crisis panel
        Assert.Null(page.QuerySelector("section.screening-reach-out"));
        Assert.NotEmpty(page.QuerySelectorAll("ul.screening-services a[href^='/help/services/']"));

        var stored = await site.Read(db => db.ScreeningResponses.OrderByDescending(r => r.SubmittedAt).FirstAsync());
        Assert.Equal(before + 1, await site.Read(db => db.ScreeningResponses.CountAsync()));
        Assert.Equal(("phq-9", "self-check", 10m, "moderate", "positive"), (stored.InstrumentId, stored.Channel, stored.Score, stored.Band, stored.Flags));
        Assert.False(stored.Identified);
        Assert.Null(stored.Answers);
        Assert.Null(stored.Safety);
    }

    [Fact]
    public async Task An_unfinished_form_with_a_critical_answer_shows_crisis_lines_first_and_raises_nothing_without_consent()
    {
        var concerns = await site.Read(db => db.Concerns.CountAsync());
        var responses = await site.Read(db => db.ScreeningResponses.CountAsync());

        var (response, body, page) = await AnswerAsync(App.Browser(), "phq-a", ("answer-1", "2"), ("answer-9", "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var panel = page.QuerySelector("main section.concern-danger")!;
        Assert.Contains(panel.QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == "tel:988");
        // The lines come before the offer of a person, and both before the questions still to answer.
        Assert.True(body.IndexOf("concern-danger\"", StringComparison.Ordinal) < body.IndexOf("screening-reach-out", StringComparison.Ordinal));
        Assert.True(body.IndexOf("screening-reach-out", StringComparison.Ordinal) < body.IndexOf("screening-answers", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("#error-2")); // still to answer
        Assert.Null(page.QuerySelector("[data-score]")); // never a score for an unfinished form
        Assert.Equal(concerns, await site.Read(db => db.Concerns.CountAsync()));
        Assert.Equal(responses, await site.Read(db => db.ScreeningResponses.CountAsync()));
    }

    [Fact]
    public async Task With_consent_a_critical_answer_becomes_an_urgent_concern_the_person_can_follow()
    {
        var client = App.Browser();
        var answers = new[] { ("answer-1", "1"), ("answer-2", "1"), ("answer-3", "1"), ("answer-4", "0"), ("answer-5", "0"), ("answer-6", "1"),
            ("answer-7", "0"), ("answer-8", "0"), ("answer-9", "2"), ("answer-depressed-year", "yes"), ("answer-thoughts-month", "no"), ("answer-attempt-ever", "no") };
        var (first, _, result) = await AnswerAsync(client, "phq-a", answers);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(result.QuerySelector("section.concern-danger"));
        var carried = result.QuerySelectorAll("section.screening-reach-out input[type=hidden][name^=answer-]")
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        Assert.Equal(answers.Order(), carried.Order());

        var (refused, _, refusedPage) = await Post(client, "phq-a", "self-check-reach-out", [.. carried]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(refusedPage.QuerySelector("#error-consent"));

        var (response, _, page) = await Post(client, "phq-a", "self-check-reach-out", [.. carried, ("consent", "yes")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = page.QuerySelector("code#concern-receipt-code")!.TextContent.Trim();
        var concern = await ConcernData.ByReceiptAsync(App, receipt);
        Assert.Equal(("urgent", "screening", "self", "suicide-self-harm"), (concern.Tier, concern.Channel, concern.About, concern.Categories));
        Assert.Equal("screening:phq-a:item-9", concern.TriageRules);
        Assert.True(concern.Anonymous);
        Assert.Contains("Item 9", concern.Narrative);
        Assert.Contains("More than half the days", concern.Narrative);
        // The urgent deadline is an hour from the exact time; an anonymous report keeps its own time only to the hour.
        Assert.InRange(concern.AcknowledgeBy - concern.SubmittedAt, TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        Assert.True(await site.Read(db => db.Alerts.AnyAsync(a => a.SubjectId == concern.Id)), "somebody was paged");
        var (opened, _, replies) = await ConcernPages.OpenAsync(App.Browser(), receipt);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Null(replies.QuerySelector("#receipt-problem"));
    }

    [Fact]
    public async Task C_ssrs_high_risk_is_an_imminent_concern()
    {
        var client = App.Browser();
        (string, string)[] answers = [("answer-1", "yes"), ("answer-2", "yes"), ("answer-3", "yes"), ("answer-4", "yes"), ("answer-5", "no"), ("answer-6", "no")];
        var (first, _, page) = await AnswerAsync(client, "c-ssrs-screener", answers);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("High risk", page.QuerySelector(".screening-band strong")!.TextContent.Trim());

        var (_, _, done) = await Post(client, "c-ssrs-screener", "self-check-reach-out", [.. answers, ("consent", "yes"), ("contactPhone", "507-555-0100")]);

        var concern = await ConcernData.ByReceiptAsync(App, done.QuerySelector("code#concern-receipt-code")!.TextContent.Trim());
        Assert.Equal("imminent", concern.Tier);
        Assert.False(concern.Anonymous);
        Assert.Equal("507-555-0100", concern.ContactPhone);
    }

    [Fact]
    public async Task Answers_that_call_for_nobody_cannot_raise_a_concern()
    {
        var concerns = await site.Read(db => db.Concerns.CountAsync());
        var (response, _, _) = await Post(App.Browser(), "phq-9", "self-check-reach-out", [.. Phq9(3, 3, 3, 3, 3, 3, 3, 3, 0), ("consent", "yes")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(concerns, await site.Read(db => db.Concerns.CountAsync()));
    }

    [Fact]
    public async Task Bad_input_is_refused_beside_its_field_and_nothing_is_kept()
    {
        var responses = await site.Read(db => db.ScreeningResponses.CountAsync());
        var client = App.Browser();

        var (unknown, _, page) = await AnswerAsync(client, "phq-9", [.. Phq9(0, 0, 0, 0, 0, 0, 0, 0, 0).Select(a => a.Item1 == "answer-3" ? (a.Item1, "7") : a)]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotNull(page.QuerySelector("#error-3"));
        var (blank, _, blankPage) = await AnswerAsync(client, "gad-7");
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(7, blankPage.QuerySelectorAll("fieldset.has-error").Length);
        var (missing, _, _) = await ConcernPages.GetAsync(client, "/check/no-such-check");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var (badArea, _, areaPage) = await AnswerAsync(client, "phq-2", ("answer-1", "0"), ("answer-2", "1"), ("areaId", "not-a-guid"));
        Assert.Equal(HttpStatusCode.OK, badArea.StatusCode); // the area is optional: an unknown one counts as not given
        Assert.Equal("1", areaPage.QuerySelector("[data-score=total]")!.TextContent.Trim());
        Assert.Equal(responses + 1, await site.Read(db => db.ScreeningResponses.CountAsync()));
    }
}
