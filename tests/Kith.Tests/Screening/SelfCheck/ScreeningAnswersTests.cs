using System.Globalization;
using AngleSharp.Dom;
using Kith.Community.Domain;
using Kith.Screening.Demo;
using Kith.Tests.Concerns;
using Kith.Tests.ServiceDirectory.FindHelp;

namespace Kith.Tests.Screening.SelfCheck;

/// <summary>
/// A public screening answer as a scared teenager on a phone gets it (issue 13, ADR 30). The page lands on the
/// answer (the crisis lines, the result, or numbered errors); its next steps fit the person — a teen answering the
/// school's campaign is never offered an adult-only or a workplace service, crisis and same-day help come first
/// after a critical answer, a Spanish reader gets Spanish-speaking services first (checked against the Riverbend
/// demo directory itself); and a refresh or a double tap of a self-check, a request for someone to reach out or a
/// new safety plan never writes twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ScreeningAnswersTests(HelpSite site) : IClassFixture<HelpSite>
{
    private KithApp App => site.App;

    private sealed record Offered(string Id, string Name, decimal? MinimumAge, decimal? MaximumAge, string? OwnerType, IReadOnlyList<string> Languages);

    private static (string, string)[] Items(params int[] values) =>
        [.. values.Select((v, i) => ($"answer-{i + 1}", v.ToString(CultureInfo.InvariantCulture)))];

    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(HttpClient client, string page, string form, params (string Key, string Value)[] fields)
    {
        var (response, _, document) = await ConcernPages.ReadAsync(await Staff.PostFormAsync(client, page, form, fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));
        return (response, document);
    }

    /// <summary>The next steps a page offers, in order, with what the directory says about each.</summary>
    private async Task<List<Offered>> OfferedAsync(IDocument page)
    {
        var ids = page.QuerySelectorAll("ul.screening-services li[data-service]").Select(li => li.GetAttribute("data-service")!).ToList();
        var services = await site.Read(db => db.Services.Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.MinimumAge, s.MaximumAge, s.OrganizationId }).ToListAsync());
        var owners = await site.Read(db => db.DirectoryOrganizations.Where(o => o.KithOrganisationId != null)
            .Join(db.Organisations, d => d.KithOrganisationId, o => o.Id, (d, o) => new { d.Id, o.Type }).ToListAsync());
        var languages = await site.Read(db => db.Languages.Where(l => l.ServiceId != null && ids.Contains(l.ServiceId)).Select(l => new { l.ServiceId, l.Code }).ToListAsync());
        return ids.Select(id => services.Single(s => s.Id == id)).Select(s => new Offered(s.Id, s.Name, s.MinimumAge, s.MaximumAge,
            owners.FirstOrDefault(o => o.Id == s.OrganizationId)?.Type.ToString(),
            languages.Where(l => l.ServiceId == s.Id).Select(l => l.Code!).ToList())).ToList();
    }

    private static void AssertFitsATeen(Offered service)
    {
        Assert.True((service.MinimumAge ?? 0) <= 17 && (service.MaximumAge ?? 200) >= 13, $"{service.Name} ({service.MinimumAge}–{service.MaximumAge}) does not take a teen");
        Assert.NotEqual(nameof(OrganisationType.Workplace), service.OwnerType);
    }

    [Fact]
    public async Task A_teen_in_the_school_campaign_is_never_offered_an_adult_or_workplace_service()
    {
        var code = await site.Read(db => db.ScreeningCampaigns.Where(c => c.Name == RiverbendScreeningDemo.CampaignName).Select(c => c.Code).SingleAsync());
        var student = App.Browser();
        (string, string)[] flow = [("group", "Grade 10"), ("step", "0")];
        // Three results: nothing flagged, a positive screen, and item 9 answered (a critical answer).
        (string, string)[] extra = [("answer-depressed-year", "no"), ("answer-thoughts-month", "no"), ("answer-attempt-ever", "no")];
        var results = new List<(IDocument Page, List<Offered> Offered)>();
        foreach (var items in new[] { Items(0, 0, 1, 0, 0, 0, 0, 0, 0), Items(2, 2, 2, 2, 1, 1, 1, 1, 0), Items(2, 2, 2, 2, 2, 2, 1, 1, 2) })
        {
            var (response, page) = await PostAsync(student, "/s/" + code, "campaign-answers", [.. flow, .. items, .. extra]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            results.Add((page, await OfferedAsync(page)));
        }
        // GAD-7 second: the campaign is a school's (it asks the teen-only PHQ-A), so an adult instrument's steps are a teen's too.
        var (gad, gadPage) = await PostAsync(student, "/s/" + code, "campaign-answers", [("group", "Grade 10"), ("step", "1"), .. Items(2, 2, 2, 2, 2, 2, 2)]);
        Assert.Equal(HttpStatusCode.OK, gad.StatusCode);
        results.Add((gadPage, await OfferedAsync(gadPage)));

        foreach (var (page, offered) in results)
        {
            Assert.NotEmpty(offered);
            Assert.All(offered, AssertFitsATeen);
            Assert.DoesNotContain(offered, s => s.Name is "Employee assistance programme" or "Counselling for adults" or "After-school childcare");
        }
        // After item 9, crisis and same-day help first — and the crisis lines above everything, holding the focus.
        var critical = results[2];
        Assert.Equal("Same-day crisis counselling", critical.Offered[0].Name);
        Assert.Equal("crisis-options", critical.Page.QuerySelector("[autofocus]")!.Id);
        Assert.Single(critical.Page.QuerySelectorAll("[autofocus]"));
        // No critical answer: the result's heading takes the focus.
        Assert.Equal("screening-result-title", results[1].Page.QuerySelector("[autofocus]")!.Id);
        Assert.Equal("-1", results[1].Page.QuerySelector("#screening-result-title")!.GetAttribute("tabindex"));
    }

    [Fact]
    public async Task After_c_ssrs_high_risk_crisis_and_same_day_help_come_first_and_no_workplace_programme()
    {
        var (response, page) = await PostAsync(App.Browser(), "/check/c-ssrs-screener", "self-check-answers",
            ("answer-1", "yes"), ("answer-2", "yes"), ("answer-3", "yes"), ("answer-4", "yes"), ("answer-5", "no"), ("answer-6", "no"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("High risk", page.QuerySelector(".screening-band strong")!.TextContent.Trim());
        var offered = await OfferedAsync(page);
        Assert.Equal("Same-day crisis counselling", offered[0].Name);
        Assert.DoesNotContain(offered, s => s.OwnerType == nameof(OrganisationType.Workplace));
        // The crisis lines come before the result and hold the focus; the result does not take it from them.
        var crisis = page.QuerySelector("#crisis-options")!;
        Assert.True(crisis.HasAttribute("autofocus"));
        Assert.Equal("-1", crisis.GetAttribute("tabindex"));
        Assert.NotNull(crisis.QuerySelector("section.concern-danger a[href='tel:988']"));
        Assert.False(page.QuerySelector("#screening-result-title")!.HasAttribute("autofocus"));
    }

    [Fact]
    public async Task A_spanish_reader_gets_spanish_speaking_services_first()
    {
        var moderate = Items(2, 2, 1, 1, 1, 1, 1, 1, 0);
        var (_, english) = await PostAsync(await site.VisitorAsync("en"), "/check/phq-9", "self-check-answers", moderate);
        var (_, spanish) = await PostAsync(await site.VisitorAsync("es"), "/check/phq-9", "self-check-answers", moderate);

        var inEnglish = await OfferedAsync(english);
        var inSpanish = await OfferedAsync(spanish);
        Assert.Equal(3, inSpanish.Count);
        Assert.All(inSpanish, s => Assert.Contains("es", s.Languages));
        Assert.Contains(inEnglish, s => !s.Languages.Contains("es")); // the order is the reader's, not the directory's
        Assert.All(inSpanish.Concat(inEnglish), s => Assert.NotEqual(nameof(OrganisationType.Workplace), s.OwnerType));
    }

    [Fact]
    public async Task Missing_answers_are_named_by_their_question_number_and_link_to_its_first_answer()
    {
        var (response, page) = await PostAsync(App.Browser(), "/check/gad-7", "self-check-answers", ("answer-2", "1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var links = page.QuerySelectorAll(".concern-error-summary a").ToList();
        Assert.Equal(["Answer question 1.", "Answer question 3.", "Answer question 4.", "Answer question 5.", "Answer question 6.", "Answer question 7."],
            links.Select(a => a.TextContent.Trim().Split(": ")[^1]));
        foreach (var link in links)
        {
            var target = page.QuerySelector(link.GetAttribute("href")!)!;
            Assert.Equal(("input", "radio"), (target.LocalName, target.GetAttribute("type")));
        }
        Assert.Equal("Answer question 3.", page.QuerySelector("#error-3")!.TextContent.Trim());

        var (_, spanish) = await PostAsync(await site.VisitorAsync("es"), "/check/gad-7", "self-check-answers", ("answer-1", "1"));
        Assert.Contains("Responda la pregunta 2.", spanish.QuerySelector(".concern-error-summary")!.TextContent);
        Assert.Equal("Responda la pregunta 7.", spanish.QuerySelector("#error-7")!.TextContent.Trim());
    }

    /// <summary>The one-time token of the page's form named <paramref name="form"/>, as a browser would send it back.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string path, string form)
    {
        var (_, _, page) = await ConcernPages.GetAsync(client, path);
        return page.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name=_handler][value='{form}']") is not null)
            .QuerySelector("input[name=once]")!.GetAttribute("value")!;
    }

    [Fact]
    public async Task A_refreshed_or_double_tapped_self_check_is_stored_once_and_shows_the_same_result()
    {
        var client = App.Browser();
        var token = await TokenAsync(client, "/check/phq-9", "self-check-answers");
        (string, string)[] sent = [.. Items(1, 1, 1, 1, 1, 1, 1, 1, 0), ("once", token)];
        var before = await site.Read(db => db.ScreeningResponses.CountAsync());

        // A double tap (two at once), then a refresh (the same post again).
        var tapped = await Task.WhenAll(PostAsync(client, "/check/phq-9", "self-check-answers", sent), PostAsync(client, "/check/phq-9", "self-check-answers", sent));
        var (_, refreshed) = await PostAsync(client, "/check/phq-9", "self-check-answers", sent);

        Assert.Equal(before + 1, await site.Read(db => db.ScreeningResponses.CountAsync()));
        foreach (var page in tapped.Select(t => t.Page).Append(refreshed))
            Assert.Equal("8", page.QuerySelector("[data-score=total]")!.TextContent.Trim());
        // A new visit of the page is a new token: that one is stored.
        var again = await TokenAsync(client, "/check/phq-9", "self-check-answers");
        Assert.NotEqual(token, again);
        await PostAsync(client, "/check/phq-9", "self-check-answers", [.. Items(1, 1, 1, 1, 1, 1, 1, 1, 0), ("once", again)]);
        Assert.Equal(before + 2, await site.Read(db => db.ScreeningResponses.CountAsync()));
    }

    [Fact]
    public async Task Asking_twice_for_someone_to_reach_out_raises_one_concern_and_shows_its_receipt_again()
    {
        var client = App.Browser();
        (string, string)[] answers = [("answer-1", "yes"), ("answer-2", "yes"), ("answer-3", "no"), ("answer-4", "no"), ("answer-5", "no"), ("answer-6", "no")];
        var (_, result) = await PostAsync(client, "/check/c-ssrs-screener", "self-check-answers", answers);
        var token = result.QuerySelector("section.screening-reach-out input[name=once]")!.GetAttribute("value")!;
        var concerns = await site.Read(db => db.Concerns.CountAsync());

        (string, string)[] ask = [.. answers, ("consent", "yes"), ("once", token)];
        var tapped = await Task.WhenAll(PostAsync(client, "/check/c-ssrs-screener", "self-check-reach-out", ask), PostAsync(client, "/check/c-ssrs-screener", "self-check-reach-out", ask));
        var (_, refreshed) = await PostAsync(client, "/check/c-ssrs-screener", "self-check-reach-out", ask);

        Assert.Equal(concerns + 1, await site.Read(db => db.Concerns.CountAsync()));
        var receipts = tapped.Select(t => t.Page).Append(refreshed).Select(p => p.QuerySelector("code#concern-receipt-code")!.TextContent.Trim()).Distinct().ToList();
        Assert.Single(receipts);
        await ConcernData.ByReceiptAsync(App, receipts[0]);
    }

    [Fact]
    public async Task A_refreshed_or_double_tapped_safety_plan_save_makes_one_plan_with_one_code()
    {
        var client = App.Browser();
        var token = await TokenAsync(client, "/safety-plan", "safety-plan-new");
        var plans = await site.Read(db => db.SafetyPlans.CountAsync());
        (string, string)[] save = [("warning-signs.0.text", "Once-1"), ("reasons.0.text", "Once-2"), ("action", "save"), ("once", token)];

        var tapped = await Task.WhenAll(PostAsync(client, "/safety-plan", "safety-plan-new", save), PostAsync(client, "/safety-plan", "safety-plan-new", save));
        var (_, refreshed) = await PostAsync(client, "/safety-plan", "safety-plan-new", save);

        Assert.Equal(plans + 1, await site.Read(db => db.SafetyPlans.CountAsync()));
        var codes = tapped.Select(t => t.Page).Append(refreshed).Select(p => p.QuerySelector("code#plan-code")!.TextContent.Trim()).Distinct().ToList();
        Assert.Single(codes);
        Assert.True(refreshed.QuerySelector("#plan-title")!.HasAttribute("autofocus"));
        // "Add another" on the same page takes no token: only a save does.
        var (_, added) = await PostAsync(client, "/safety-plan", "safety-plan-new", ("warning-signs.0.text", "Once-3"), ("action", "add:warning-signs"), ("once", token));
        Assert.NotNull(added.QuerySelector("input[name='warning-signs.1.text'][autofocus]"));
    }
}
