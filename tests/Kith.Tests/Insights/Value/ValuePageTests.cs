using System.Globalization;
using AngleSharp.Html.Parser;

namespace Kith.Tests.Insights.Value;

/// <summary>
/// Issue 16, item 6: the prevention-value estimate through HTTP — leaders change the assumptions, each save a new version
/// shown in the history with who and what; the result is its working with the numbers in it and a range, computed here
/// from what was typed; bad input is refused whole with a message; coordinators read but cannot change; others see nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ValuePageTests(KithApp app) : IClassFixture<KithApp>
{
    private const string Page = "/staff/insights/value";
    private static readonly HtmlParser Html = new();
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    private static KeyValuePair<string, string>[] Fields(int version, string cost = "250", string reach = "120", string effect = "5", string low = "2", string high = "8",
        string averted = "8000", string ratio = "", string source = "", string link = "") =>
    [
        new("version", version.ToString(CultureInfo.InvariantCulture)), new("costBasis", "per-participant"), new("cost", cost), new("costNote", "Facilitator hours and rooms, 2026 budget."),
        new("reach", reach), new("reachNote", "Enrolled in 2026."), new("effect", effect), new("effectLow", low), new("effectHigh", high),
        new("effectNote", "Our guess from the pilot."), new("costAverted", averted), new("costAvertedNote", "One emergency visit."),
        new("returnPerDollar", ratio), new("returnSource", source), new("returnLink", link), new("returnNote", ""),
    ];

    private async Task<int> VersionsAsync() => await Concerns.ConcernData.ReadAsync(app, db => db.ValueAssumptions.CountAsync());

    [Fact]
    public async Task A_leader_saves_assumptions_and_lands_on_the_working_then_a_second_version_shows_in_the_history()
    {
        var (leader, _) = await Staff.SignedInAsync(app, "leader@value.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Value Coalition"));
        var opened = Html.ParseDocument(await leader.GetStringAsync(Page));
        var version = int.Parse(opened.QuerySelector("input[name=version]")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        if (version == 0) Assert.Contains("No assumptions have been entered yet", opened.QuerySelector("#value-result")!.TextContent);
        var before = await VersionsAsync();

        var saved = await Staff.PostFormAsync(leader, Page, "assumptions", Fields(version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Page, Staff.RedirectPath(saved));
        Assert.EndsWith("#value-result", saved.Headers.Location!.OriginalString);
        var page = Html.ParseDocument(await leader.GetStringAsync(saved.Headers.Location!.OriginalString.Split('#')[0]));
        Assert.True(page.QuerySelector("#value-result")!.HasAttribute("autofocus"));
        Assert.Contains($"Saved as version {version + 1}.", page.QuerySelector("#value-result")!.TextContent);

        // The working, computed here from what was typed: 120 people at $250; 5% (2% to 8%) of them spared a crisis worth $8,000.
        decimal reach = 120, perPerson = 250, averted = 8000;
        var cost = reach * perPerson;
        string M(decimal v) => (v < 0 ? "−$" : "$") + Math.Abs(v).ToString("N0", En);
        (decimal Cases, decimal Value, decimal Net, decimal PerDollar) At(decimal effect) => (reach * effect / 100, reach * effect / 100 * averted, reach * effect / 100 * averted - cost, reach * effect / 100 * averted / cost);
        var (central, low, high) = (At(5), At(2), At(8));
        string Text(string id) => page.QuerySelector(id)!.TextContent.Trim();
        Assert.Equal($"Cost = reach × cost per participant = 120 × $250 = {M(cost)}", Text("#value-cost"));
        Assert.Equal($"Crises averted = reach × effect = 120 × 5% = {central.Cases:0.##}", Text("#value-cases"));
        Assert.Equal($"Cost averted = crises averted × cost averted per case = {central.Cases:0.##} × $8,000 = {M(central.Value)}", Text("#value-averted"));
        Assert.Equal($"Net value = cost averted − cost = {M(central.Value)} − {M(cost)} = {M(central.Net)}", Text("#value-net"));
        Assert.Equal($"Return per dollar = cost averted ÷ cost = {M(central.Value)} ÷ {M(cost)} = ${central.PerDollar:0.00}", Text("#value-return"));
        Assert.Equal($"With the effect from 2% to 8%: crises averted {low.Cases:0.##} to {high.Cases:0.##}; net value {M(low.Net)} to {M(high.Net)}; " +
            $"return per dollar ${low.PerDollar:0.00} to ${high.PerDollar:0.00}.", Text("#value-range"));
        Assert.Contains("−$10,800", Text("#value-range")); // 2.4 × $8,000 − $30,000: the low end loses money, and says so
        Assert.Contains("“every dollar … yields $11” without saying who found it", Text("#value-published"));

        // A published ratio needs its source; with it, a second version, and the history says who changed what.
        var noSource = await Staff.PostFormAsync(leader, Page, "assumptions", Fields(version + 1, ratio: "11"));
        Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        Assert.Contains("A return per dollar needs its source", WebUtility.HtmlDecode(await noSource.Content.ReadAsStringAsync()));
        Assert.Equal(before + 1, await VersionsAsync());
        var sourced = await Staff.PostFormAsync(leader, Page, "assumptions",
            Fields(version + 1, effect: "6", ratio: "11", source: "A state prevention report, 2019 (page 4)", link: "https://example.org/prevention-report"));
        Assert.Equal(HttpStatusCode.Redirect, sourced.StatusCode);
        page = Html.ParseDocument(await leader.GetStringAsync(Page + "?saved=1"));
        Assert.Equal($"By the published return per dollar: cost × return = {M(cost)} × 11 = {M(cost * 11)}. Source: A state prevention report, 2019 (page 4).",
            page.QuerySelector("#value-published")!.TextContent.Trim().Replace("Open the source", "").Trim());
        Assert.Equal("https://example.org/prevention-report", page.QuerySelector("#value-published a")!.GetAttribute("href"));
        var history = page.QuerySelectorAll("ol.value-history > li").Select(li => li.TextContent).ToList();
        Assert.Equal(version + 2, history.Count);
        Assert.Contains($"Version {version + 2}", history[0]);
        Assert.Contains("leader", history[0]);
        Assert.Contains("Effect: 5% → 6%", history[0]);
        Assert.Contains("Published return per dollar: (empty) → 11", history[0]);
        Assert.DoesNotContain("Cost:", history[0]); // unchanged
        Assert.Contains("$250 per participant", history[1]);
    }

    [Fact]
    public async Task The_measured_figure_is_the_released_group_attendance_and_is_saved_with_a_note_saying_what_it_is()
    {
        var (leader, _) = await Staff.SignedInAsync(app, "measurer@value.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Value Measurers"));
        var page = Html.ParseDocument(await leader.GetStringAsync(Page));
        var version = int.Parse(page.QuerySelector("input[name=version]")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        var hint = page.QuerySelector("#value-reach-hint")!.TextContent;
        Assert.StartsWith("Measured: ", hint);
        var figure = page.QuerySelector("button[name=use][value=measured]")!.TextContent;
        var measured = hint["Measured: ".Length..hint.IndexOf(' ', "Measured: ".Length)];
        Assert.Equal($"Use the measured figure ({measured})", figure.Trim());

        var saved = await Staff.PostFormAsync(leader, Page, "assumptions",
            [.. Fields(version, reach: "999999").Where(f => f.Key != "reachNote"), new("reachNote", ""), new("use", "measured")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await Concerns.ConcernData.ReadAsync(app, db => db.ValueAssumptions.OrderByDescending(a => a.Version).Select(a => new { a.Reach, a.ReachNote }).FirstAsync());
        Assert.Equal(int.Parse(measured, NumberStyles.AllowThousands, En), stored.Reach); // the released figure, not the 999,999 typed
        Assert.Equal(hint.Trim(), stored.ReachNote);
    }

    [Theory]
    [InlineData("cost", "-5", "Enter the cost in dollars")]
    [InlineData("effect", "120", "Enter the effect as a percentage from 0 to 100.")]
    [InlineData("effectLow", "7", "the low no higher than the effect")]
    [InlineData("reach", "12.5", "a whole number")]
    [InlineData("returnLink", "javascript:alert(1)", "starting with https://")]
    [InlineData("costBasis", "per-hug", "per participant or for the whole programme")]
    public async Task Bad_input_is_refused_with_its_message_and_nothing_is_written(string field, string value, string message)
    {
        var (leader, _) = await Staff.SignedInAsync(app, $"editor-{field}@value.test", Roles.Admin);
        var version = int.Parse(Html.ParseDocument(await leader.GetStringAsync(Page)).QuerySelector("input[name=version]")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        var before = await VersionsAsync();
        var fields = Fields(version, ratio: "3", source: "Somewhere real").Select(f => f.Key == field ? new KeyValuePair<string, string>(field, value) : f);
        var response = await Staff.PostFormAsync(leader, Page, "assumptions", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = Html.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html.QuerySelector("#value-errors")!.TextContent);
        Assert.True(html.QuerySelector("#value-errors")!.HasAttribute("autofocus"));
        if (html.QuerySelector($"input[type=text][name={field}]") is { } input) Assert.Equal(value, input.GetAttribute("value")); // what was typed stays
        Assert.Equal(before, await VersionsAsync());
    }

    [Fact]
    public async Task Coordinators_read_the_estimate_but_cannot_change_it_a_stale_form_is_refused_and_others_see_nothing()
    {
        var (coordinator, _) = await Staff.SignedInAsync(app, "coordinator@value.test", Roles.Coordinator, await Staff.AddOrganisationAsync(app, "Value Centre"));
        var (admin, _) = await Staff.SignedInAsync(app, "admin@value.test", Roles.Admin);
        var version = int.Parse(Html.ParseDocument(await admin.GetStringAsync(Page)).QuerySelector("input[name=version]")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(admin, Page, "assumptions", Fields(version, cost: "300"))).StatusCode);

        var read = Html.ParseDocument(await coordinator.GetStringAsync(Page));
        Assert.NotNull(read.QuerySelector("#value-net"));
        Assert.Null(read.QuerySelector("form[method=post] input[name=cost]"));
        Assert.Contains("Only leaders and administrators change these assumptions.", read.Body!.TextContent);
        var before = await VersionsAsync();
        // A coordinator's post (the form is not shown to them, but a post can be made by hand) changes nothing: Blazor finds
        // no such form on their page (400); the page's own check would answer 403.
        var token = await Staff.AntiforgeryTokenAsync(coordinator, "/staff/insights");
        var posted = await coordinator.PostAsync(Page, new FormUrlEncodedContent(
            [new("_handler", "assumptions"), new("__RequestVerificationToken", token), .. Fields(version + 1, cost: "1")]));
        Assert.True(posted.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, posted.StatusCode.ToString());
        Assert.Equal(before, await VersionsAsync());

        // Someone saved after this form was opened: refused, nothing half-written.
        var stale = await Staff.PostFormAsync(admin, Page, "assumptions", Fields(version, cost: "999"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed the assumptions", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(before, await VersionsAsync());

        var (responder, _) = await Staff.SignedInAsync(app, "responder@value.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Value School"));
        Assert.NotEqual(HttpStatusCode.OK, (await responder.GetAsync(Page)).StatusCode);
        using var stranger = app.Browser();
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync(Page)).StatusCode);
    }
}
