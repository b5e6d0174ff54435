using System.Net.Http.Headers;

namespace Kith.Tests.Screening.SafetyPlans;

/// <summary>
/// The person's own journey without JavaScript: make a plan, get the code once, open it, change it, print it,
/// download it, delete it. The code only ever travels in posted forms.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SafetyPlanJourneyTests(PlanApp app) : IClassFixture<PlanApp>
{
    [Fact]
    public async Task The_start_page_explains_the_plan_offers_crisis_lines_and_is_not_cached()
    {
        var response = await app.Browser().GetAsync("/safety-plan");
        var (_, _, page) = await PlanPages.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.NotNull(page.QuerySelector(".get-help"));               // the "Get help now" band
        Assert.NotNull(page.QuerySelector(".quick-exit, [data-quick-exit]"));
        Assert.Contains("24 months", page.QuerySelector(".plan-intro")!.TextContent);
        Assert.Equal(7, page.QuerySelectorAll("fieldset.plan-section").Length);
        // Step 5 starts with the deployment's crisis lines, as suggestions the person can remove.
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("input[name='professionals.0.phone']")?.GetAttribute("value")));
        Assert.Equal("save", page.QuerySelector("#plan-form button[type=submit]")!.GetAttribute("value")); // Enter saves
    }

    [Fact]
    public async Task The_person_can_ask_for_the_lines_of_their_area_and_a_bad_area_is_not_an_error()
    {
        var area = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            db.Areas.Add(new Kith.Community.Domain.Area { Id = area, Code = "plan-area", Name = "Plan Area", Population = 100, BoundaryGeoJson = "{}", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var (response, _, page) = await PlanPages.ReadAsync(await app.Browser().GetAsync($"/safety-plan?area={area}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("get", page.QuerySelector("form.plan-area")!.GetAttribute("method"));
        Assert.NotNull(page.QuerySelector($"select#area option[value='{area}'][selected]"));

        foreach (var bad in new[] { "hello", Guid.NewGuid().ToString(), "" })
            Assert.True((int)(await app.Browser().GetAsync($"/safety-plan?area={bad}")).StatusCode < 500, bad);
    }

    [Fact]
    public async Task A_plan_is_made_opened_changed_and_reopened_with_the_same_code()
    {
        var client = app.Browser();
        var (created, shown, code) = await PlanPages.CreateAsync(client, PlanPages.OneEntryPerStep("Journey-1"));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.NotNull(code);
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", code);
        Assert.All(CookiesSet(created), name => Assert.Equal("kith-af", name));
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString());
        Assert.Equal(code, shown.QuerySelector("form[action='/safety-plan/open'] input[name=code]")!.GetAttribute("value"));

        // Typed the way people do: lower case, spaces instead of dashes.
        var (opened, _, page) = await PlanPages.OpenAsync(client, code!.ToLowerInvariant().Replace('-', ' '));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var view = page.QuerySelector(".plan-view")!.TextContent;
        Assert.All(PlanPages.Markers("Journey-1"), marker => Assert.Contains(marker, view));
        Assert.Contains("Not shared", page.QuerySelector(".plan-shared")!.TextContent);

        // Change: rewrite a reason, add a coping entry in the empty line, remove the helper.
        var fields = PlanPages.EditorFields(page)
            .Select(f => f.Field == "reasons.0.text" ? (f.Field, "Journey-1-new-reason") : f.Field == "coping.1.text" ? (f.Field, "Journey-1-second-coping") : f)
            .Where(f => !f.Field.StartsWith("helpers.0.", StringComparison.Ordinal)).ToList();
        var (saved, _, savedPage) = await PlanPages.PostAsync(client, "/safety-plan/open", "safety-plan-edit", [("code", code), .. fields, ("action", "save")]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotNull(savedPage.QuerySelector(".alert.success[role=status]"));

        var (_, _, again) = await PlanPages.OpenAsync(app.Browser(), code);
        var reread = again.QuerySelector(".plan-view")!.TextContent;
        Assert.Contains("Journey-1-new-reason", reread);
        Assert.Contains("Journey-1-second-coping", reread);
        Assert.DoesNotContain("Journey-1-helper", reread);
        Assert.DoesNotContain("Journey-1-reason\n", reread);
    }

    [Fact]
    public async Task Adding_and_removing_lines_without_javascript_keeps_what_was_written()
    {
        var client = app.Browser();
        var (_, _, added) = await PlanPages.PostAsync(client, "/safety-plan", "safety-plan-new",
            ("warning-signs.0.text", "Kept-1"), ("warning-signs.1.text", "Kept-2"), ("action", "add:warning-signs"));
        Assert.Equal("Kept-2", added.QuerySelector("input[name='warning-signs.1.text']")!.GetAttribute("value"));
        var fresh = added.QuerySelector("input[name='warning-signs.2.text']")!;
        Assert.Equal("", fresh.GetAttribute("value") ?? "");
        // The new line takes the focus (so the page lands on it, without a script); no other field does.
        Assert.True(fresh.HasAttribute("autofocus"));
        Assert.Single(added.QuerySelectorAll("[autofocus]"));
        // Each step's button names its step, so the line it adds is the one focused.
        Assert.Equal("add:coping", added.QuerySelector("#section-coping button.plan-add")!.GetAttribute("value"));
        // An older page's plain "add" still adds a line, focusing none.
        var (_, _, plain) = await PlanPages.PostAsync(client, "/safety-plan", "safety-plan-new", ("warning-signs.0.text", "Kept-1"), ("action", "add"));
        Assert.NotNull(plain.QuerySelector("input[name='warning-signs.1.text']"));
        Assert.Empty(plain.QuerySelectorAll("[autofocus]"));

        var (_, _, removed) = await PlanPages.PostAsync(client, "/safety-plan", "safety-plan-new",
            ("warning-signs.0.text", "Kept-1"), ("warning-signs.1.text", "Kept-2"), ("action", "remove:warning-signs:0"));
        Assert.Equal("Kept-2", removed.QuerySelector("input[name='warning-signs.0.text']")!.GetAttribute("value"));
        Assert.Null(removed.QuerySelector("#plan-code"));
    }

    [Fact]
    public async Task The_printable_version_and_both_downloads_carry_every_entry()
    {
        var client = app.Browser();
        var (_, _, code) = await PlanPages.CreateAsync(client, PlanPages.OneEntryPerStep("Print-2"));

        var (printed, _, print) = await PlanPages.PostAsync(client, "/safety-plan/print", "safety-plan-print", ("code", code!));
        Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        Assert.Contains("no-store", printed.Headers.CacheControl?.ToString());
        Assert.All(PlanPages.Markers("Print-2"), marker => Assert.Contains(marker, print.QuerySelector(".plan-view")!.TextContent));
        Assert.NotNull(print.QuerySelector("button[data-print-plan][hidden]")); // shown only by the script

        foreach (var (format, type, file) in new[] { ("html", "text/html", "my-safety-plan.html"), ("text", "text/plain", "my-safety-plan.txt") })
        {
            var token = await Staff.AntiforgeryTokenAsync(client, "/safety-plan/open");
            var download = await client.PostAsync("/safety-plan/download", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["code"] = code!, ["format"] = format,
            }));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(type, download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(file, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
            var body = await download.Content.ReadAsStringAsync();
            Assert.All(PlanPages.Markers("Print-2"), marker => Assert.Contains(marker, body));
            Assert.Contains("555-0142", body);
            Assert.DoesNotContain("<script", body); // readable offline, on its own
        }
    }

    [Fact]
    public async Task Wrong_mistyped_and_deleted_codes_get_one_answer()
    {
        var client = app.Browser();
        var (_, _, code) = await PlanPages.CreateAsync(client, ("reasons.0.text", "Deleted-3"));
        var (deleted, _, gone) = await PlanPages.PostAsync(client, "/safety-plan/open", "safety-plan-delete", ("code", code!), ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.NotNull(gone.QuerySelector(".alert.success[role=status]"));

        var answers = new List<string>();
        foreach (var wrong in new[] { "hello", Kith.Platform.Security.PrivateCode.Grouped(Kith.Platform.Security.PrivateCode.Generate()), code! })
        {
            var (response, _, page) = await PlanPages.OpenAsync(client, wrong);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(page.QuerySelector(".plan-view"));
            answers.Add(page.QuerySelector("#code-problem")!.TextContent.Trim());
        }
        Assert.Single(answers.Distinct());
        Assert.Equal("No safety plan opens with that code. Check it and try again.", answers[0]);
    }

    [Fact]
    public async Task Delete_asks_for_confirmation_first()
    {
        var client = app.Browser();
        var (_, _, code) = await PlanPages.CreateAsync(client, ("reasons.0.text", "Kept-4"));

        var (response, _, page) = await PlanPages.PostAsync(client, "/safety-plan/open", "safety-plan-delete", ("code", code!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#confirm-problem"));
        Assert.Contains("Kept-4", (await PlanPages.OpenAsync(client, code!)).Page.QuerySelector(".plan-view")!.TextContent);
    }

    [Fact]
    public async Task Bad_entries_get_field_errors_beside_their_fields_and_keep_what_was_written()
    {
        var client = app.Browser();
        var (response, page, code) = await PlanPages.CreateAsync(client,
            ("warning-signs.0.text", new string('x', 201)), ("helpers.0.text", "Aunt"), ("helpers.0.phone", "call me"), ("reasons.0.text", "Kept-5"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(code);
        Assert.NotNull(page.QuerySelector("#plan-problems[tabindex=\"-1\"][autofocus]")); // focused on arrival, read once (no role=alert)
        var phone = page.QuerySelector("#helpers-0-phone")!;
        Assert.Equal("true", phone.GetAttribute("aria-invalid"));
        Assert.Contains("error-helpers-0-phone", phone.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector("#error-warning-signs-0-text"));
        Assert.Equal("Kept-5", page.QuerySelector("#reasons-0-text")!.GetAttribute("value"));

        var (empty, _, emptyPage) = await PlanPages.PostAsync(client, "/safety-plan", "safety-plan-new", ("action", "save"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write at least one thing", emptyPage.QuerySelector("#plan-problems")!.TextContent);
    }

    [Fact]
    public async Task The_pages_speak_spanish_and_somali()
    {
        foreach (var (language, title) in new[] { ("es", "Mi plan de seguridad"), ("so", "Qorshahayga badbaadada") })
        {
            var client = app.Browser();
            await client.GetAsync($"/language/{language}?returnUrl=%2Fsafety-plan");
            var (_, _, page) = await PlanPages.ReadAsync(await client.GetAsync("/safety-plan"));
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        }
    }

    private static IReadOnlyList<string> CookiesSet(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split('=')[0]).ToList() : [];
}
