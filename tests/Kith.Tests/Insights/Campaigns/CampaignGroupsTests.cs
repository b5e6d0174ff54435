using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Insights.Campaigns;

/// <summary>
/// Lakeside High's two PHQ-2 campaigns, created, answered through the public link and closed through the campaign
/// module's own paths (Monday 5 April 2027 in Riverbend, then a day on so the open one counts yesterday's answers).
/// Autumn (opens 1 April, closed): Grade 9 — 12 answer 0+0 (score 0), 11 answer 2+2 (score 4, positive); Grade 10 — 13
/// answer 1+1 (score 2). Spring (opens 5 April, open): Grade 9 — 11 score 0, 12 score 6; Grade 10 — 3 score 4 (a small
/// group); Grade 11 — 14 score 2.
/// </summary>
public sealed class CampaignGroupsApp : KithApp, IAsyncLifetime
{
    private const string Api = "/api/screening/campaigns";
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 4, 5, 15, 0, 0, TimeSpan.Zero));
    public Guid Organisation { get; private set; }
    public Guid Autumn { get; private set; }
    public Guid Spring { get; private set; }
    /// <summary>Today in Riverbend (UTC−5 in April).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(-5));

    public CampaignGroupsApp() => Time = Clock;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await base.InitializeAsync();
        Organisation = await Staff.AddOrganisationAsync(this, "Lakeside High");
        var (coordinator, _) = await Staff.SignedInAsync(this, "seed@lakeside.test", Roles.Coordinator, Organisation);
        var (autumn, autumnCode) = await CreateAsync(coordinator, Organisation, "Autumn check", "2027-04-01", ["Grade 9", "Grade 10"]);
        await AnswerAsync(autumnCode, "Grade 9", 12, 0);
        await AnswerAsync(autumnCode, "Grade 9", 11, 2);
        await AnswerAsync(autumnCode, "Grade 10", 13, 1);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"{Api}/{autumn}/close", null)).StatusCode);
        var (spring, springCode) = await CreateAsync(coordinator, Organisation, "Spring check", "2027-04-05", ["Grade 9", "Grade 10", "Grade 11"]);
        await AnswerAsync(springCode, "Grade 9", 11, 0);
        await AnswerAsync(springCode, "Grade 9", 12, 3);
        await AnswerAsync(springCode, "Grade 10", 3, 2);
        await AnswerAsync(springCode, "Grade 11", 14, 1);
        (Autumn, Spring) = (autumn, spring);
        // The next morning: the open campaign counts answers up to yesterday, so today's are in.
        Clock.Advance(TimeSpan.FromDays(1));
    }

    public static async Task<(Guid Id, string Code)> CreateAsync(HttpClient coordinator, Guid organisation, string name, string opens, string[] groups)
    {
        var created = await coordinator.PostAsJsonAsync(Api, new
        {
            name, organisationId = organisation, instruments = new[] { "phq-2" }, groups, opensOn = opens, closesOn = "2027-06-30",
        });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var campaign = JsonDocument.Parse(text).RootElement;
        return (campaign.GetProperty("id").GetGuid(), campaign.GetProperty("code").GetString()!);
    }

    /// <summary>Anonymous answers through the public link, both PHQ-2 items answered <paramref name="item"/> (score 2 × item).</summary>
    public async Task AnswerAsync(string code, string group, int people, int item)
    {
        var student = Browser();
        var answer = item.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < people; i++)
        {
            var answered = await Staff.PostFormAsync(student, "/s/" + code, "campaign-answers",
                [new("group", group), new("step", "0"), new("answer-1", answer), new("answer-2", answer)]);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
    }
}

/// <summary>
/// Issue 16 item 1, campaign groups (ADR 0053): Insights shows each campaign's own released figures — the same numbers
/// as the campaign's page and CSV, hidden the same way — only to those who may read the campaign; a county leader and
/// another organisation's coordinator see none and are told why; bad filters get a message or a 400, never a 500.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CampaignGroupsTests(CampaignGroupsApp app) : IClassFixture<CampaignGroupsApp>
{
    private const string Page = "/staff/insights/campaigns";
    private const string Download = "/staff/insights/campaigns.csv";
    private static readonly HtmlParser Html = new();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<(HttpClient Client, string Id)> CoordinatorAsync(string who) =>
        Staff.SignedInAsync(app, who + "@lakeside.test", Roles.Coordinator, app.Organisation);

    /// <summary>The download's rows (no field here holds a comma), keyed by column name.</summary>
    private static async Task<List<Dictionary<string, string>>> CsvAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(Download + query);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        return [.. lines.Skip(1).Select(cells => lines[0].Zip(cells).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>The table's rows: campaign id, group ("" for all groups) and the cells' text.</summary>
    private static async Task<List<(string Campaign, string Group, string[] Cells)>> TableAsync(HttpClient client, string query)
    {
        var page = Html.ParseDocument(await client.GetStringAsync(Page + query));
        return [.. page.QuerySelectorAll("#campaign-groups tbody tr").Select(r =>
            (r.GetAttribute("data-campaign")!, r.GetAttribute("data-group")!, r.Children.Select(c => c.TextContent.Trim()).ToArray()))];
    }

    [Fact]
    public async Task The_coordinator_sees_both_campaigns_groups_in_date_order_with_exactly_the_campaigns_own_figures()
    {
        var (coordinator, _) = await CoordinatorAsync("coordinator");
        var csv = await CsvAsync(coordinator, "?instrument=phq-2&band=positive");
        Assert.Equal(["Autumn check", "Autumn check", "Autumn check", "Spring check", "Spring check", "Spring check", "Spring check"], csv.Select(r => r["campaign"]));
        Assert.Equal(["Grade 9", "Grade 10", "all groups", "Grade 9", "Grade 10", "Grade 11", "all groups"], csv.Select(r => r["group"]));
        Assert.All(csv, r => Assert.Equal(("Lakeside High", "phq-2", "positive"), (r["organisation"], r["instrument"], r["band"])));
        Assert.Equal(["", Iso(app.Today.AddDays(-1))], csv.Select(r => r["counted_through"]).Distinct());

        // Every figure is the one the campaign's own CSV shows for that group.
        foreach (var (campaign, name) in new[] { (app.Autumn, "Autumn check"), (app.Spring, "Spring check") })
        {
            var own = (await coordinator.GetStringAsync($"/api/screening/campaigns/{campaign}/aggregates.csv"))
                .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToDictionary(c => (c[1], c[2]), c => c[3]);
            foreach (var row in csv.Where(r => r["campaign"] == name))
            {
                Assert.Equal(own[(row["group"], "responses")], row["responses"]);
                Assert.Equal(own[(row["group"], "band:positive")], row["in_band"]);
                Assert.Equal(own[(row["group"], "mean score")], row["mean_score"]);
            }
        }

        // And one campaign worked out from what was seeded: autumn's Grade 9 is 23 people, 11 of them positive (score 4), 12 at 0.
        var grade9 = csv[0];
        Assert.Equal(("23", "11"), (grade9["responses"], grade9["in_band"]));
        Assert.Equal(Math.Round(100m * 11 / 23, 1).ToString("0.0", CultureInfo.InvariantCulture), grade9["share_percent"]);
        Assert.Equal(Math.Round((11 * 4m) / 23, 1).ToString("0.0", CultureInfo.InvariantCulture), grade9["mean_score"]);
        var autumnAll = csv[2];
        Assert.Equal(((12 + 11 + 13).ToString(CultureInfo.InvariantCulture), "11"), (autumnAll["responses"], autumnAll["in_band"]));
        Assert.Equal(Math.Round((11 * 4m + 13 * 2m) / 36, 1).ToString("0.0", CultureInfo.InvariantCulture), autumnAll["mean_score"]);
        Assert.Equal((11 + 12 + 3 + 14).ToString(CultureInfo.InvariantCulture), csv[6]["responses"]);

        // The page's table (the default choice: the only questionnaire used, its highest band) has the same rows.
        var table = await TableAsync(coordinator, "");
        Assert.Equal(csv.Count, table.Count);
        for (var i = 0; i < csv.Count; i++)
        {
            var (campaign, group, cells) = table[i];
            Assert.Equal(i < 3 ? app.Autumn.ToString() : app.Spring.ToString(), campaign);
            Assert.Equal(csv[i]["group"], group.Length == 0 ? "all groups" : group);
            Assert.Equal([csv[i]["responses"], csv[i]["in_band"], csv[i]["share_percent"], csv[i]["mean_score"]],
                cells[2..].Select(c => c.Replace(" %", "", StringComparison.Ordinal)));
        }
        var page = await coordinator.GetStringAsync(Page);
        Assert.Contains("aria-label=\"Share in Positive screen (PHQ-2) by campaign and group; the table below gives every value\"", page);
        Assert.Equal(csv.Count(r => r["share_percent"] is not ("hidden" or "" or "0.0")), Html.ParseDocument(page).QuerySelectorAll("svg rect").Length);
    }

    [Fact]
    public async Task A_group_of_three_is_hidden_on_the_page_and_in_the_CSV_as_on_the_campaigns_own()
    {
        var (coordinator, _) = await CoordinatorAsync("small");
        var grade10 = (await CsvAsync(coordinator, "?instrument=phq-2&band=positive")).Single(r => r["campaign"] == "Spring check" && r["group"] == "Grade 10");
        Assert.Equal(["hidden", "hidden", "hidden", "hidden"], new[] { grade10["responses"], grade10["in_band"], grade10["share_percent"], grade10["mean_score"] });
        var row = (await TableAsync(coordinator, "?instrument=phq-2&band=negative")).Single(r => r.Campaign == app.Spring.ToString() && r.Group == "Grade 10");
        Assert.Equal(["hidden", "hidden", "hidden", "hidden"], row.Cells[2..]);
        Assert.Contains("phq-2,Grade 10,responses,hidden\r\n", await coordinator.GetStringAsync($"/api/screening/campaigns/{app.Spring}/aggregates.csv"));
    }

    [Fact]
    public async Task A_county_leader_and_another_organisations_coordinator_see_no_campaign_and_are_told_why()
    {
        var (leader, _) = await Staff.SignedInAsync(app, "leader@county.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "County coalition"));
        var (other, _) = await Staff.SignedInAsync(app, "coordinator@hillside.test", Roles.Coordinator, await Staff.AddOrganisationAsync(app, "Hillside High"));
        foreach (var client in new[] { leader, other })
        {
            var response = await client.GetAsync(Page + "?instrument=phq-2&band=positive");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Html.ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Contains("screening without labelling", page.GetElementById("no-campaigns")!.TextContent);
            Assert.DoesNotContain("Lakeside", page.Body!.TextContent);
            Assert.Empty(page.QuerySelectorAll("#campaign-groups"));
            Assert.Empty(await CsvAsync(client, "?instrument=phq-2&band=positive"));
            Assert.Empty(await CsvAsync(client, ""));
        }
    }

    [Fact]
    public async Task An_administrator_reads_every_organisations_campaigns()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin@county.test", Roles.Admin);
        var csv = await CsvAsync(admin, "?instrument=phq-2&band=positive");
        Assert.Equal(["Autumn check", "Spring check"], csv.Where(r => r["organisation"] == "Lakeside High").Select(r => r["campaign"]).Distinct());
    }

    [Fact]
    public async Task A_responder_is_refused_the_page_and_the_download()
    {
        var (responder, _) = await Staff.SignedInAsync(app, "responder@lakeside.test", Roles.Responder, app.Organisation);
        Assert.NotEqual(HttpStatusCode.OK, (await responder.GetAsync(Page)).StatusCode);
        var download = await responder.GetAsync(Download + "?instrument=phq-2&band=positive");
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.NotEqual("text/csv", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_filters_get_a_clear_message_on_the_page_and_a_400_problem_from_the_download()
    {
        var (coordinator, _) = await CoordinatorAsync("filters");
        var unknown = await coordinator.GetAsync(Page + "?instrument=nothing&band=positive");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var text = Html.ParseDocument(await unknown.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("There is no questionnaire “nothing”.", text);
        Assert.Contains("Showing PHQ-2, Positive screen.", text);
        var band = Html.ParseDocument(await coordinator.GetStringAsync(Page + "?instrument=phq-2&band=severe")).Body!.TextContent;
        Assert.Contains("PHQ-2 has no band “severe”.", band);

        foreach (var (query, field) in new[] { ("?instrument=nothing&band=positive", "instrument"), ("?instrument=phq-2&band=severe", "band") })
        {
            var bad = await coordinator.GetAsync(Download + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task A_release_the_campaign_holds_back_is_held_back_here_too()
    {
        var organisation = await Staff.AddOrganisationAsync(app, "Riverside Works");
        const string email = "held@riverside.test";
        var (coordinator, _) = await Staff.SignedInAsync(app, email, Roles.Coordinator, organisation);
        var (id, code) = await CampaignGroupsApp.CreateAsync(coordinator, organisation, "Night shift check", Iso(app.Today), ["Night shift"]);
        await app.AnswerAsync(code, "Night shift", 12, 0);
        await NextMorningAsync(coordinator, email);
        var first = Assert.Single(await CsvAsync(coordinator, "?instrument=phq-2&band=positive"), r => r["group"] == "Night shift");
        Assert.Equal(("12", "0", "0.0", "FALSE"), (first["responses"], first["in_band"], first["mean_score"], first["held"]));

        // One more, positive: shown tomorrow, 13 beside 12 would give that one person's band and score away.
        await app.AnswerAsync(code, "Night shift", 1, 3);
        await NextMorningAsync(coordinator, email);
        var held = Assert.Single(await CsvAsync(coordinator, "?instrument=phq-2&band=positive"), r => r["group"] == "Night shift");
        Assert.Equal(("12", "0", "0.0", "TRUE", Iso(app.Today.AddDays(-1))), (held["responses"], held["in_band"], held["mean_score"], held["held"], held["counted_through"]));
        Assert.Contains($"data-held=\"{id}\"", await coordinator.GetStringAsync(Page));
        var own = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/screening/campaigns/{id}/aggregates")).GetProperty("instruments")[0];
        Assert.True(own.GetProperty("held").GetBoolean());
        Assert.Equal(12, own.GetProperty("all").GetProperty("responses").GetInt32());
    }

    /// <summary>A day later; yesterday's sign-in has lapsed, so the coordinator signs in again.</summary>
    private async Task NextMorningAsync(HttpClient client, string email)
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(client, email)).StatusCode);
    }
}
