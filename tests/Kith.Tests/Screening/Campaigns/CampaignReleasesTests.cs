using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Kith.Screening.Domain;

namespace Kith.Tests.Screening.Campaigns;

/// <summary>
/// Security finding 3: a coordinator recovered one student's PHQ-2 score from totals released at different times
/// (12 answers, mean 0.0; then 13, mean 0.5). Through HTTP, with anonymous answers through the public link.
/// The class has its own app (and clock), which these tests move on by days.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CampaignReleasesTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    private const string Api = "/api/screening/campaigns";

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(-5));
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private object Request(Guid organisation, DateOnly closes, string[]? groups = null) => new
    {
        name = "PHQ-2 check", organisationId = organisation, instruments = new[] { "phq-2" }, groups = groups ?? ["Grade 9"],
        opensOn = Iso(Today.AddDays(-4)), closesOn = Iso(closes),
    };

    private async Task<(HttpClient Coordinator, Guid Organisation, Guid Id, string Code)> CampaignAsync(string tag)
    {
        var organisation = await Staff.AddOrganisationAsync(app, "School " + tag);
        var (client, _) = await Staff.SignedInAsync(app, $"coord@{tag}.test", Roles.Coordinator, organisation);
        coordinators[client] = $"coord@{tag}.test";
        var created = await client.PostAsJsonAsync(Api, Request(organisation, Today.AddDays(25)));
        var campaign = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (client, organisation, campaign.GetProperty("id").GetGuid(), campaign.GetProperty("code").GetString()!);
    }

    /// <summary>Anonymous answers through the public link, each PHQ-2 item answered with <paramref name="item"/> (score 2 × item).</summary>
    private async Task AnswerAsync(string code, int people, int item)
    {
        var student = app.Browser();
        for (var i = 0; i < people; i++)
        {
            var answered = await Staff.PostFormAsync(student, "/s/" + code, "campaign-answers",
                [new("group", "Grade 9"), new("step", "0"), new("answer-1", item.ToString(CultureInfo.InvariantCulture)), new("answer-2", item.ToString(CultureInfo.InvariantCulture))]);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
    }

    private async Task<JsonElement> PhqAsync(HttpClient coordinator, Guid id) =>
        (await coordinator.GetFromJsonAsync<JsonElement>($"{Api}/{id}/aggregates")).GetProperty("instruments")[0];

    private static (int? Responses, decimal? Mean) Shown(JsonElement phq)
    {
        var all = phq.GetProperty("all");
        return (all.GetProperty("responses").ValueKind == JsonValueKind.Null ? null : all.GetProperty("responses").GetInt32(),
            all.GetProperty("meanScore").ValueKind == JsonValueKind.Null ? null : all.GetProperty("meanScore").GetDecimal());
    }

    /// <summary>A day later; the coordinator's sign-in from yesterday has lapsed, so they sign in again.</summary>
    private async Task NextMorningAsync(HttpClient coordinator)
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(coordinator, coordinators[coordinator])).StatusCode);
    }

    private readonly Dictionary<HttpClient, string> coordinators = [];

    [Fact]
    public async Task Once_people_have_answered_the_last_day_cannot_move_earlier_through_the_api_or_the_form()
    {
        var (coordinator, organisation, id, code) = await CampaignAsync("closes");
        await AnswerAsync(code, 12, 0);

        var put = await coordinator.PutAsJsonAsync($"{Api}/{id}", Request(organisation, Today.AddDays(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("closesOn", out _));
        var earlier = await coordinator.PutAsJsonAsync($"{Api}/{id}", Request(organisation, Today.AddDays(5)));
        Assert.Equal(HttpStatusCode.BadRequest, earlier.StatusCode);

        var form = await Staff.PostFormAsync(coordinator, $"/staff/screening/campaigns/{id}/edit", "campaign",
            [new("name", "PHQ-2 check"), new("order-phq-2", "1"), new("groups", "Grade 9"), new("opensOn", Iso(Today.AddDays(-4))), new("closesOn", Iso(Today.AddDays(-1)))]);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("the last day can move later but not earlier", await form.Content.ReadAsStringAsync());

        var view = await coordinator.GetFromJsonAsync<JsonElement>($"{Api}/{id}");
        Assert.Equal(Iso(Today.AddDays(25)), view.GetProperty("closesOn").GetString());
        Assert.Equal("open", view.GetProperty("phase").GetString());
        // Later stays allowed, and so does anything before anyone answered.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"{Api}/{id}", Request(organisation, Today.AddDays(30)))).StatusCode);
        var (other, otherOrganisation, unanswered, _) = await CampaignAsync("closes-unanswered");
        Assert.Equal(HttpStatusCode.OK, (await other.PutAsJsonAsync($"{Api}/{unanswered}", Request(otherOrganisation, Today.AddDays(-1)))).StatusCode);
    }

    [Fact]
    public async Task Figures_released_on_different_days_never_give_one_students_score_away()
    {
        var (coordinator, _, id, code) = await CampaignAsync("days");
        await AnswerAsync(code, 12, 0);
        await NextMorningAsync(coordinator);
        Assert.Equal((12, 0.0m), Shown(await PhqAsync(coordinator, id)));

        // One more student, positive (score 6). Tomorrow 13 would be counted: the page must keep 12 and 0.0.
        await AnswerAsync(code, 1, 3);
        await NextMorningAsync(coordinator);
        var held = await PhqAsync(coordinator, id);
        Assert.Equal((12, 0.0m), Shown(held));
        Assert.True(held.GetProperty("held").GetBoolean());
        Assert.Equal(0, held.GetProperty("all").GetProperty("flags")[0].GetInt32());
        var csv = await coordinator.GetStringAsync($"{Api}/{id}/aggregates.csv");
        Assert.Contains("phq-2,all groups,responses,12\r\n", csv);
        Assert.Contains("phq-2,all groups,mean score,0.0\r\n", csv);
        var page = await coordinator.GetStringAsync($"/staff/screening/campaigns/{id}");
        Assert.Contains("data-held=\"phq-2\"", page);
        Assert.DoesNotContain(">13<", page);
        Assert.Equal(12, (await coordinator.GetFromJsonAsync<JsonElement>($"{Api}/{id}")).GetProperty("responses").GetInt32());

        // Nine more: 22 differs from 12 by 10, still fewer than the threshold of 11.
        await AnswerAsync(code, 9, 0);
        await NextMorningAsync(coordinator);
        Assert.Equal((12, 0.0m), Shown(await PhqAsync(coordinator, id)));

        // One more makes 23, eleven from 12: now the figures move, and the difference is eleven people, not one.
        await AnswerAsync(code, 1, 0);
        await NextMorningAsync(coordinator);
        var moved = await PhqAsync(coordinator, id);
        Assert.Equal((23, 0.3m), Shown(moved));
        Assert.False(moved.GetProperty("held").GetBoolean());

        // Closing counts today too; nothing answered today, so the same release stays.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"{Api}/{id}/close", null)).StatusCode);
        Assert.Equal((23, 0.3m), Shown(await PhqAsync(coordinator, id)));
        Assert.Equal(2, await Read(db => db.ScreeningCampaignReleases.CountAsync(r => r.CampaignId == id)));
    }

    [Fact]
    public async Task Closing_early_after_an_answer_today_keeps_the_earlier_release()
    {
        var (coordinator, _, id, code) = await CampaignAsync("early");
        await AnswerAsync(code, 12, 0);
        await NextMorningAsync(coordinator);
        Assert.Equal((12, 0.0m), Shown(await PhqAsync(coordinator, id)));
        await AnswerAsync(code, 1, 3);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"{Api}/{id}/close", null)).StatusCode);
        Assert.Equal((12, 0.0m), Shown(await PhqAsync(coordinator, id)));
    }

    [Fact]
    public async Task Two_coordinators_loading_the_results_at_once_store_one_release()
    {
        var (coordinator, _, id, code) = await CampaignAsync("race");
        await AnswerAsync(code, 12, 1);
        await NextMorningAsync(coordinator);
        var loads = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PhqAsync(coordinator, id)));
        Assert.All(loads, l => Assert.Equal((12, 2.0m), Shown(l)));
        Assert.Equal(1, await Read(db => db.ScreeningCampaignReleases.CountAsync(r => r.CampaignId == id)));
    }

    [Fact]
    public async Task A_count_hidden_to_protect_a_small_one_stays_hidden_while_it_has_not_changed()
    {
        var (coordinator, organisation, id, _) = await CampaignAsync("complement");
        var groups = new[] { "Grade 9", "Grade 10", "Grade 11" };
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"{Api}/{id}", Request(organisation, Today.AddDays(25), groups))).StatusCode);
        // Grade 9: 20 negative, 3 positive. Its 3 is hidden, and Grade 10's 20 positive with it (the smallest beside it).
        await AddAsync(id, Today.AddDays(-1), ("Grade 9", 20, 3), ("Grade 10", 20, 20), ("Grade 11", 30, 30));
        var first = await PhqAsync(coordinator, id);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("groups")[1].GetProperty("bands")[1].ValueKind);
        Assert.Equal(53, first.GetProperty("all").GetProperty("bands")[1].GetInt32());

        // Eleven more positives in Grade 9: nothing is small now, but showing Grade 10's unchanged 20 would give
        // 53 − 20 − 30 = 3 for yesterday's Grade 9.
        await AddAsync(id, Today, ("Grade 9", 0, 11));
        await NextMorningAsync(coordinator);
        var second = await PhqAsync(coordinator, id);
        Assert.False(second.GetProperty("held").GetBoolean());
        Assert.Equal(34, second.GetProperty("groups")[0].GetProperty("responses").GetInt32());
        var grade10 = second.GetProperty("groups")[1];
        Assert.Equal(JsonValueKind.Null, grade10.GetProperty("bands")[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, grade10.GetProperty("flags")[0].ValueKind);
    }

    /// <summary>Campaign responses as the participant page stores them, on a given day, per group: negatives (score 0) and positives (score 6).</summary>
    private Task<int> AddAsync(Guid campaign, DateOnly day, params (string Group, int Negative, int Positive)[] groups) => Read(db =>
    {
        var at = day.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
        foreach (var (group, negative, positive) in groups)
            foreach (var score in Enumerable.Repeat(0m, negative).Concat(Enumerable.Repeat(6m, positive)))
                db.ScreeningResponses.Add(new ScreeningResponse
                {
                    Id = Guid.NewGuid(), InstrumentId = "phq-2", InstrumentVersion = "1", Language = "en", SubmittedAt = at,
                    Channel = ResponseChannels.Campaign, CampaignId = campaign, CampaignGroup = group, Score = score, Scores = "total=" + score,
                    Band = score > 0 ? "positive" : "negative", Flags = score > 0 ? "positive" : "",
                });
        return db.SaveChangesAsync();
    });

    private async Task<T> Read<T>(Func<KithDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KithDb>());
    }
}
