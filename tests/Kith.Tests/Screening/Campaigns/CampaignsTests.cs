using Microsoft.Extensions.Time.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kith.Screening.Contracts;
using Kith.Screening.Domain;

namespace Kith.Tests.Screening.Campaigns;

/// <summary>The app for campaign tests: a hand-moved clock at 10:00 in Riverbend on Monday 5 April 2027.</summary>
public sealed class CampaignsApp : KithApp
{
    public CampaignsApp() => Time = Clock;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 4, 5, 15, 0, 0, TimeSpan.Zero));
}

/// <summary>Campaigns through HTTP: the API and its problems, who may see what, the participant flow without script, suppressed aggregates, facts.</summary>
[Trait("Category", "Integration")]
public sealed partial class CampaignsTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    private const string Api = "/api/screening/campaigns";

    private static object Request(Guid organisation, string name = "Spring check", string[]? instruments = null, string opens = "2027-04-01", string closes = "2027-04-30") => new
    {
        name, organisationId = organisation, audience = "Grades 9–12",
        instruments = instruments ?? ["phq-9", "gad-7"], groups = new[] { "Grade 9", "Grade 10", "Grade 11" }, opensOn = opens, closesOn = closes,
    };

    private async Task<(HttpClient Client, Guid Organisation, JsonElement Campaign)> CampaignAsync(string tag)
    {
        var organisation = await Staff.AddOrganisationAsync(app, "School " + tag);
        var (client, _) = await Staff.SignedInAsync(app, $"coord@{tag}.test", Roles.Coordinator, organisation);
        var response = await client.PostAsJsonAsync(Api, Request(organisation));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (client, organisation, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Bad_campaigns_are_400_problem_details_with_field_errors_and_a_good_one_is_created_and_edited()
    {
        var organisation = await Staff.AddOrganisationAsync(app, "School api");
        var (client, _) = await Staff.SignedInAsync(app, "coord@api.test", Roles.Coordinator, organisation);

        var bad = await client.PostAsJsonAsync(Api, new { name = "", organisationId = organisation, instruments = new[] { "no-such" }, groups = Array.Empty<string>(), opensOn = "5 April", closesOn = "2027-04-30" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "name", "instruments", "groups", "opensOn" }) Assert.True(errors.TryGetProperty(field, out _), field);
        var backwards = await client.PostAsJsonAsync(Api, Request(organisation, opens: "2027-04-30", closes: "2027-04-01"));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync(Api, Request(Guid.NewGuid()))).StatusCode);

        var created = await client.PostAsJsonAsync(Api, Request(organisation));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var code = campaign.GetProperty("code").GetString()!;
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{13}$", code);
        Assert.EndsWith("/s/" + code, campaign.GetProperty("link").GetString());
        Assert.Equal("open", campaign.GetProperty("phase").GetString());
        var id = campaign.GetProperty("id").GetGuid();

        var edited = await client.PutAsJsonAsync($"{Api}/{id}", Request(organisation, "Spring well-being check", ["gad-7", "phq-9"]));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var view = await client.GetFromJsonAsync<JsonElement>($"{Api}/{id}");
        Assert.Equal("Spring well-being check", view.GetProperty("name").GetString());
        Assert.Equal(["gad-7", "phq-9"], view.GetProperty("instruments").EnumerateArray().Select(e => e.GetString()!));

        var qr = await client.GetAsync($"{Api}/{id}/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());
        Assert.Contains("<svg", await client.GetStringAsync($"/staff/screening/campaigns/{id}"));

        var closed = await client.PostAsync($"{Api}/{id}/close", null);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phase").GetString());
        Assert.Contains("This check has closed.", await app.Browser().GetStringAsync("/s/" + code));
    }

    [Fact]
    public async Task A_coordinator_of_another_organisation_cannot_see_or_change_a_campaign()
    {
        var (_, organisation, campaign) = await CampaignAsync("owner");
        var id = campaign.GetProperty("id").GetGuid();
        var (other, _) = await Staff.SignedInAsync(app, "coord@other.test", Roles.Coordinator, await Staff.AddOrganisationAsync(app, "Other school"));
        var (responder, _) = await Staff.SignedInAsync(app, "responder@owner.test", Roles.Responder, organisation);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"{Api}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"{Api}/{id}/aggregates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"{Api}/{id}/aggregates.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"{Api}/{id}", Request(organisation))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"{Api}/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Api}/{Guid.NewGuid()}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync(Api));
        Assert.Equal("/staff/denied", Staff.RedirectPath(await other.GetAsync($"/staff/screening/campaigns/{id}")));
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostAsJsonAsync(Api, Request(organisation))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.GetAsync($"{Api}/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_participant_answers_each_questionnaire_in_turn_without_script_and_only_counts_are_kept()
    {
        var (_, _, campaign) = await CampaignAsync("flow");
        var id = campaign.GetProperty("id").GetGuid();
        var page = "/s/" + campaign.GetProperty("code").GetString()!.ToLowerInvariant();
        var student = app.Browser();

        var landing = await student.GetAsync(page);
        Assert.True(landing.Headers.CacheControl?.NoStore);
        var html = await landing.Content.ReadAsStringAsync();
        Assert.Contains("School flow", html);
        Assert.Contains("Nobody at your school or workplace sees your answers.", html);
        Assert.DoesNotContain(landing.Headers.Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value), c => !c.StartsWith("kith-af=", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.PostFormAsync(student, page, "campaign-group", [new("group", "Grade 13")])).StatusCode);
        var first = await Staff.PostFormAsync(student, page, "campaign-group", [new("group", "Grade 10")]);
        html = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Questionnaire 1 of 2", html);
        Assert.Contains("name=\"answer-9\"", html);

        var state = new List<KeyValuePair<string, string>> { new("group", "Grade 10"), new("step", "0") };
        var phq = state.Concat(Enumerable.Range(1, 9).Select(i => new KeyValuePair<string, string>("answer-" + i, "2"))).ToList();
        phq.RemoveAll(f => f.Key == "answer-9");
        phq.Add(new("answer-9", "0"));
        var result = await (await Staff.PostFormAsync(student, page, "campaign-answers", phq)).Content.ReadAsStringAsync();
        Assert.Contains("Your result", result);
        Assert.Contains("Next questionnaire", result);

        var second = await (await Staff.PostFormAsync(student, page, "campaign-next", [new("group", "Grade 10"), new("step", "1")])).Content.ReadAsStringAsync();
        Assert.Contains("Questionnaire 2 of 2", second);
        var gad = new List<KeyValuePair<string, string>> { new("group", "Grade 10"), new("step", "1") };
        gad.AddRange(Enumerable.Range(1, 7).Select(i => new KeyValuePair<string, string>("answer-" + i, "1")));
        var end = await (await Staff.PostFormAsync(student, page, "campaign-answers", gad)).Content.ReadAsStringAsync();
        Assert.Contains("Thank you for taking part", end);

        var rows = await Read(db => db.ScreeningResponses.Where(r => r.CampaignId == id).OrderBy(r => r.InstrumentId).ToListAsync());
        Assert.Equal(["gad-7", "phq-9"], rows.Select(r => r.InstrumentId));
        Assert.All(rows, r => Assert.Equal(("Grade 10", ResponseChannels.Campaign, false, (string?)null), (r.CampaignGroup, r.Channel, r.Identified, r.Answers)));
        Assert.Equal(16m, rows[1].Score);

        var facts = await Read(db => app.Services.CreateScope().ServiceProvider.GetRequiredService<IScreeningFacts>()
            .BetweenAsync(new DateOnly(2027, 4, 5), new DateOnly(2027, 4, 5), CancellationToken.None));
        Assert.Contains(facts, f => f.CampaignId == id && f.CampaignGroup == "Grade 10" && f.Instrument == "phq-9" && f.Band == "moderately-severe" && f.Flags.Contains("positive"));
    }

    [Fact]
    public async Task Aggregates_hide_every_count_of_a_small_group_and_no_single_response_is_reachable()
    {
        var (client, _, campaign) = await CampaignAsync("counts");
        var id = campaign.GetProperty("id").GetGuid();
        var yesterday = new DateTime(2027, 4, 4, 16, 0, 0, DateTimeKind.Utc);
        await Read(async db =>
        {
            // Grade 9: 30 people, 18 minimal and 12 mild. Grade 10: 4 people, all moderate. Grade 11: 25 minimal.
            var rows = Enumerable.Range(0, 18).Select(_ => ("Grade 9", "minimal", 2m, ""))
                .Concat(Enumerable.Range(0, 25).Select(_ => ("Grade 11", "minimal", 1m, "")))
                .Concat(Enumerable.Range(0, 12).Select(_ => ("Grade 9", "mild", 6m, "")))
                .Concat(Enumerable.Range(0, 4).Select(_ => ("Grade 10", "moderate", 12m, "positive")));
            foreach (var (group, band, score, flags) in rows)
                db.ScreeningResponses.Add(new ScreeningResponse
                {
                    Id = Guid.NewGuid(), InstrumentId = "phq-9", InstrumentVersion = "1", Language = "en", SubmittedAt = yesterday,
                    Channel = ResponseChannels.Campaign, CampaignId = id, CampaignGroup = group, Score = score, Scores = "total=" + score,
                    Band = band, Flags = flags,
                });
            return await db.SaveChangesAsync();
        });

        var report = await client.GetFromJsonAsync<JsonElement>($"{Api}/{id}/aggregates");
        var phq = report.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("instrument").GetString() == "phq-9");
        var grade9 = phq.GetProperty("groups")[0];
        var grade10 = phq.GetProperty("groups")[1];
        Assert.Equal(30, grade9.GetProperty("responses").GetInt32());
        Assert.Equal(JsonValueKind.Null, grade10.GetProperty("responses").ValueKind);
        Assert.All(grade10.GetProperty("bands").EnumerateArray().Concat(grade10.GetProperty("flags").EnumerateArray()), v => Assert.Equal(JsonValueKind.Null, v.ValueKind));
        Assert.Equal(JsonValueKind.Null, grade10.GetProperty("meanScore").ValueKind);
        // Grade 11's total goes too, or 59 − 30 would give grade 10's 4 away.
        Assert.Equal(JsonValueKind.Null, phq.GetProperty("groups")[2].GetProperty("responses").ValueKind);
        Assert.Equal(59, phq.GetProperty("all").GetProperty("responses").GetInt32());

        var html = await client.GetStringAsync($"/staff/screening/campaigns/{id}");
        Assert.Contains("Counts of fewer than 11 people are hidden", html);
        var row = RowOf().Match(html[html.IndexOf("data-instrument=\"phq-9\"", StringComparison.Ordinal)..]);
        Assert.True(row.Success);
        Assert.DoesNotMatch("[0-9]", TagOrHidden().Replace(row.Value, ""));

        var csv = await client.GetStringAsync($"{Api}/{id}/aggregates.csv");
        Assert.All(csv.Split("\r\n").Where(l => l.StartsWith("phq-9,Grade 10,", StringComparison.Ordinal)), l => Assert.EndsWith(",hidden", l));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/{id}/responses")).StatusCode);
        var openApi = await app.Browser().GetStringAsync("/openapi/v1.json");
        Assert.DoesNotMatch("/api/screening/campaigns/[^\"]*response", openApi);
    }

    private async Task<T> Read<T>(Func<KithDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KithDb>());
    }

    [GeneratedRegex("<tr data-group=\"Grade 10\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowOf();

    [GeneratedRegex("<[^>]+>|hidden|Grade 10")]
    private static partial Regex TagOrHidden();
}
