using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kith.Community.Demo;
using Kith.Insights.Stories;
using Kith.Platform.Jobs;
using Kith.Platform.Security;
using Kith.Tests.Concerns;

namespace Kith.Tests.Insights.Stories;

/// <summary>Riverbend with one concern counted by the jobs, so a leader's chart has numbers to show stories beside.</summary>
public sealed class StoriesApp : KithApp, IAsyncLifetime
{
    public IReadOnlyList<(Guid Id, string Code)> Areas { get; private set; } = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        Areas = [.. (await ConcernData.ReadAsync(this, db => db.Areas.OrderBy(a => a.Code).Select(a => new { a.Id, a.Code }).ToListAsync())).Select(a => (a.Id, a.Code))];
        await ConcernData.SubmitAsync(CreateClient(), ConcernData.Routine(area: Areas[0].Id));
        var runner = Services.GetRequiredService<JobRunner>();
        await runner.RegisterRecurringJobsAsync(CancellationToken.None);
        while (await runner.RunDueAsync(CancellationToken.None) > 0) { }
    }
}

/// <summary>
/// Issue 16, item 6: stories shared with consent on the public page, read by the risk-language engine (a story that
/// reads as danger reaches the concerns queue and shows the crisis lines at once), moderated and de-identified, and
/// shown to leaders beside the chart and on the stories page — only ever the published text, with its week.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StoriesTests(StoriesApp app) : IClassFixture<StoriesApp>
{
    private static readonly HtmlParser Html = new();
    private const string Consent = "yes";

    [Fact]
    public async Task Without_consent_or_with_bad_input_the_form_comes_back_with_a_clear_message_and_nothing_is_kept()
    {
        var area = app.Areas[1].Id.ToString();
        var before = await CountAsync();
        var cases = new (string Text, string? Area, string? Consent, string Message)[]
        {
            ("The library's homework club helped my little brother.", area, null, "Tick the box to agree, or we cannot take your story."),
            ("", area, Consent, "Write your story before you send it."),
            (new string('a', 2001), area, Consent, "That is too long. Keep your story under 2,000 characters."),
            ("Nobody talks about it at school.", null, Consent, "Choose your area."),
            ("Nobody talks about it at school.", "atlantis", Consent, "That area is not on the list."),
            ("Nobody talks about it at school.", Guid.NewGuid().ToString(), Consent, "That area is not on the list."),
        };
        foreach (var (text, where, consent, message) in cases)
        {
            var response = await ShareAsync(app.Browser(), text, where, consent);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = Html.ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, page.QuerySelector("#story-errors")!.TextContent);
            Assert.Equal(text.Trim().Length > 0 ? text : "", page.QuerySelector("textarea#text")!.TextContent);
            Assert.NotNull(page.QuerySelector("form#story-form"));
        }
        Assert.Equal(before, await CountAsync());

        // Hostile posts: no field at all, ten times the length, a token that is no token — a form again, never a 5xx.
        var anyone = app.Browser();
        var (antiforgery, _) = await FormTokensAsync(anyone);
        foreach (var fields in new[]
        {
            new Dictionary<string, string> { ["_handler"] = "story", ["__RequestVerificationToken"] = antiforgery },
            new Dictionary<string, string> { ["_handler"] = "story", ["__RequestVerificationToken"] = antiforgery, ["text"] = new string('x', 20_000), ["areaId"] = area, ["consent"] = "on", ["token"] = "<script>", ["language"] = "xx" },
        })
        {
            var response = await anyone.PostAsync("/stories", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull(Html.ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("#story-errors"));
        }
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_story_page_is_a_public_page_with_the_quick_exit_and_the_help_band_and_no_words_reach_the_logs()
    {
        var page = Html.ParseDocument(await app.Browser().GetStringAsync("/stories"));
        Assert.NotNull(page.QuerySelector("a.quick-exit"));
        Assert.NotNull(page.QuerySelector("section.get-help"));
        Assert.NotNull(page.QuerySelector("input[type=checkbox][name=consent]:not([checked])"));
        Assert.Null(page.QuerySelector("input[name*=name], input[type=email], input[type=tel]")); // nothing asks who they are

        const string words = "Zebrafinch: the walking group on Thursdays got my neighbour out of the house.";
        Assert.Equal(HttpStatusCode.OK, (await ShareAsync(app.Browser(), words, app.Areas[0].Id.ToString(), Consent)).StatusCode);
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("Zebrafinch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_story_is_moderated_with_edits_and_leaders_see_only_the_published_text_beside_the_chart_and_on_the_stories_page()
    {
        var (areaId, areaCode) = app.Areas[0];
        const string original = "What helped: the youth club at 42 Elm Street. Maria Gonzalez runs it, call her on 555-123-4567.";
        const string edited = "What helped: the youth club in our area. The woman who runs it listens.";
        var concernsBefore = await StoryConcernsAsync();

        var shared = await ShareAsync(app.Browser(), original, areaId.ToString(), Consent);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var receiptPage = Html.ParseDocument(await shared.Content.ReadAsStringAsync());
        Assert.NotNull(PrivateCode.Normalize(receiptPage.QuerySelector("#story-receipt-code")!.TextContent));
        Assert.Null(receiptPage.QuerySelector(".concern-danger"));
        Assert.Equal(concernsBefore, await StoryConcernsAsync()); // a plain story puts nobody on it
        Assert.True(shared.Headers.CacheControl is { NoStore: true, NoCache: true });

        var stored = await ConcernData.ReadAsync(app, db => db.InsightStories.AsNoTracking().SingleAsync(s => s.AreaId == areaId && s.Status == StoryStatus.Pending));
        Assert.Equal(original, stored.Original);
        Assert.Equal(DayOfWeek.Monday, stored.Week.DayOfWeek);
        // At rest the words are ciphertext.
        var raw = await ConcernData.ReadAsync(app, db => db.Database.SqlQuery<string>($"SELECT original AS \"Value\" FROM insights_stories WHERE original IS NOT NULL").ToListAsync());
        Assert.NotEmpty(raw);
        Assert.All(raw, r => { Assert.StartsWith(SensitiveText.Prefix, r); Assert.DoesNotContain("Maria", r); });

        var (leader, _) = await Staff.SignedInAsync(app, "leader@stories.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Stories Coalition"));
        Assert.DoesNotContain("youth club", await leader.GetStringAsync("/staff/insights/stories"));

        var (coordinator, coordinatorId) = await Staff.SignedInAsync(app, "coordinator@stories.test", Roles.Coordinator, await Staff.AddOrganisationAsync(app, "Stories Clinic"));
        var queue = Html.ParseDocument(await coordinator.GetStringAsync("/staff/insights/stories/moderate"));
        var path = $"/staff/insights/stories/moderate/{stored.Id}";
        Assert.NotNull(queue.QuerySelector($"a[href='{path}']"));
        Assert.DoesNotContain("Maria", queue.Body!.TextContent); // the queue shows no words
        var opened = Html.ParseDocument(await coordinator.GetStringAsync(path));
        Assert.Contains(original, opened.QuerySelector("blockquote")!.TextContent);
        Assert.Equal("What helped: the youth club at [number] Elm Street. Maria Gonzalez runs it, call her on [phone].", opened.QuerySelector("textarea#text")!.TextContent);
        Assert.Equal(1, await ConcernData.ReadAsync(app, db => db.AuditEntries.CountAsync(e => e.Action == "insights.story-read" && e.SubjectId == stored.Id.ToString() && e.ActorId == coordinatorId)));

        var antiforgery = await Staff.AntiforgeryTokenAsync(coordinator, path); // kept for a post after the page has gone
        var refused = await Staff.PostFormAsync(coordinator, path, "publish-story", [new("text", "  ")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Write the text to publish, or refuse the story.", await refused.Content.ReadAsStringAsync());
        var published = await Staff.PostFormAsync(coordinator, path, "publish-story", [new("text", edited)]);
        Assert.Equal("/staff/insights/stories/moderate", Staff.RedirectPath(published));
        var after = await ConcernData.ReadAsync(app, db => db.InsightStories.AsNoTracking().SingleAsync(s => s.Id == stored.Id));
        Assert.Equal((StoryStatus.Published, edited, null), (after.Status, after.Published, after.Original));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(path)).StatusCode);
        var late = await coordinator.PostAsync(path, new FormUrlEncodedContent([new("_handler", "refuse-story"), new("__RequestVerificationToken", antiforgery)]));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode); // a second decision is refused, not applied
        Assert.Equal(edited, (await ConcernData.ReadAsync(app, db => db.InsightStories.AsNoTracking().SingleAsync(s => s.Id == stored.Id))).Published);

        var week = stored.Week.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var chart = Html.ParseDocument(await leader.GetStringAsync($"/staff/insights/chart?indicator=concerns&area={areaCode}&period=12"));
        var aside = chart.QuerySelector("aside.insights-stories");
        Assert.NotNull(aside);
        Assert.Contains(edited, aside.TextContent);
        Assert.Contains("week starting " + week, aside.TextContent);
        var stories = await leader.GetStringAsync($"/staff/insights/stories?area={areaCode}");
        Assert.Contains(edited, Html.ParseDocument(stories).Body!.TextContent);
        foreach (var page in new[] { chart.DocumentElement.OuterHtml, stories })
        {
            Assert.DoesNotContain("Maria", page);
            Assert.DoesNotContain("Elm Street", page);
        }
        // Another area's chart does not show it.
        var other = Html.ParseDocument(await leader.GetStringAsync($"/staff/insights/chart?indicator=concerns&area={app.Areas[2].Code}&period=12"));
        Assert.DoesNotContain(edited, other.QuerySelector("aside.insights-stories")!.TextContent);
    }

    [Fact]
    public async Task A_story_that_reads_as_danger_shows_the_crisis_lines_and_reaches_the_concerns_queue_once_however_often_it_is_sent()
    {
        var areaId = app.Areas[1].Id;
        const string words = "Everything is hard since dad left. I want to kill myself tonight.";
        var concernsBefore = await StoryConcernsAsync();
        var browser = app.Browser();
        var (antiforgery, token) = await FormTokensAsync(browser);

        var first = await PostAsync(browser, antiforgery, token, words, areaId.ToString(), Consent);
        var again = await PostAsync(browser, antiforgery, token, words, areaId.ToString(), Consent); // a double tap
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = Html.ParseDocument(await first.Content.ReadAsStringAsync());
        var danger = page.QuerySelector(".concern-danger-focus");
        Assert.NotNull(danger);
        Assert.True(danger.HasAttribute("autofocus"));
        Assert.NotNull(danger.QuerySelector("section.concern-danger"));
        var reply = page.QuerySelector("#story-reply-code")!.TextContent;
        var secondPage = Html.ParseDocument(await again.Content.ReadAsStringAsync());
        Assert.Equal(page.QuerySelector("#story-receipt-code")!.TextContent, secondPage.QuerySelector("#story-receipt-code")!.TextContent);
        Assert.NotNull(secondPage.QuerySelector(".concern-danger")); // crisis lines again, not a second concern

        var raised = await StoryConcernsAsync();
        Assert.Equal(concernsBefore + 1, raised);
        var concern = await ConcernData.ByReceiptAsync(app, reply);
        Assert.Equal("imminent", concern.Tier);
        Assert.Equal(areaId, concern.AreaId);
        Assert.StartsWith("insights:story:", concern.TriageRules);
        Assert.Contains(words, concern.Narrative);
        var story = await ConcernData.ReadAsync(app, db => db.InsightStories.AsNoTracking().SingleAsync(s => s.AreaId == areaId && s.PassedToResponder));
        Assert.Equal(StoryStatus.Pending, story.Status); // held from publication until moderated

        var (coordinator, _) = await Staff.SignedInAsync(app, "coordinator@danger.stories.test", Roles.Coordinator, await Staff.AddOrganisationAsync(app, "Danger Stories Clinic"));
        var first_ = Html.ParseDocument(await coordinator.GetStringAsync("/staff/insights/stories/moderate")).QuerySelector("tbody tr")!;
        Assert.Contains($"/staff/insights/stories/moderate/{story.Id}", first_.InnerHtml);
        Assert.Contains("Yes", first_.TextContent);
    }

    [Fact]
    public async Task The_receipt_withdraws_a_story_and_deletes_it()
    {
        var areaId = app.Areas[2].Id;
        var shared = Html.ParseDocument(await (await ShareAsync(app.Browser(), "The food pantry volunteers always ask how we are doing.", areaId.ToString(), Consent)).Content.ReadAsStringAsync());
        var receipt = shared.QuerySelector("#story-receipt-code")!.TextContent;
        var hash = app.Services.GetRequiredService<StoryCode>().Hash(PrivateCode.Normalize(receipt)!);
        Assert.True(await ConcernData.ReadAsync(app, db => db.InsightStories.AnyAsync(s => s.ReceiptHash == hash)));

        var anyone = app.Browser();
        var bad = await Staff.PostFormAsync(anyone, "/stories/withdraw", "withdraw-story", [new("receipt", "<script>not a code</script>")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var done = await Staff.PostFormAsync(anyone, "/stories/withdraw", "withdraw-story", [new("receipt", receipt.ToLowerInvariant().Replace("-", " "))]);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.NotNull(Html.ParseDocument(await done.Content.ReadAsStringAsync()).QuerySelector("#withdrawn-title"));
        Assert.False(await ConcernData.ReadAsync(app, db => db.InsightStories.AnyAsync(s => s.ReceiptHash == hash)));
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.PostFormAsync(anyone, "/stories/withdraw", "withdraw-story", [new("receipt", receipt)])).StatusCode);
    }

    [Fact]
    public async Task Only_coordinators_and_administrators_moderate_and_only_staff_of_Insights_read_the_stories()
    {
        var anonymous = app.Browser();
        var (responder, _) = await Staff.SignedInAsync(app, "responder@stories.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Stories School"));
        var (leader, _) = await Staff.SignedInAsync(app, "leader@access.stories.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Access Coalition"));
        var moderate = $"/staff/insights/stories/moderate/{Guid.NewGuid()}";
        foreach (var path in new[] { "/staff/insights/stories", "/staff/insights/stories/moderate", moderate })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Contains((await responder.GetAsync(path)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        }
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/staff/insights/stories")).StatusCode);
        Assert.Contains((await leader.GetAsync("/staff/insights/stories/moderate")).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        Assert.Contains((await leader.GetAsync(moderate)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });

        var page = await leader.GetAsync("/staff/insights/stories?area=atlantis&period=7");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = Html.ParseDocument(await page.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("There is no area “atlantis”", text);
        Assert.Contains("There is no period “7”", text);
    }

    private Task<int> CountAsync() => ConcernData.ReadAsync(app, db => db.InsightStories.CountAsync());

    private Task<int> StoryConcernsAsync() => ConcernData.ReadAsync(app, db => db.Concerns.CountAsync(c => c.TriageRules.StartsWith("insights:story:")));

    private static async Task<HttpResponseMessage> ShareAsync(HttpClient client, string text, string? area, string? consent)
    {
        var (antiforgery, token) = await FormTokensAsync(client);
        return await PostAsync(client, antiforgery, token, text, area, consent);
    }

    /// <summary>The form's antiforgery token and its one-time token, as a browser has them after loading the page.</summary>
    private static async Task<(string Antiforgery, string Token)> FormTokensAsync(HttpClient client)
    {
        var form = Html.ParseDocument(await client.GetStringAsync("/stories")).QuerySelector("form#story-form")!;
        string Value(string name) => ((IHtmlInputElement)form.QuerySelector($"input[name='{name}']")!).Value;
        return (Value("__RequestVerificationToken"), Value("token"));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string antiforgery, string token, string text, string? area, string? consent)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "story"), new("__RequestVerificationToken", antiforgery), new("token", token), new("language", "en"), new("text", text),
        };
        if (area is not null) fields.Add(new("areaId", area));
        if (consent is not null) fields.Add(new("consent", consent));
        return client.PostAsync("/stories", new FormUrlEncodedContent(fields));
    }
}
