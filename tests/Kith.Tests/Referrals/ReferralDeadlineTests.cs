using System.Net.Http.Json;
using System.Text.Json;
using Kith.Platform.Jobs;
using Kith.Tests.ServiceDirectory.Editing;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Referrals;

/// <summary>The app on a clock stopped on a Friday afternoon in Riverbend (America/Chicago), so response deadlines are exact.</summary>
public sealed class ReferralsApp : ReferralPartnersApp
{
    // Friday 5 March 2027, 3 pm in Chicago (CST, UTC−6).
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 5, 21, 0, 0, TimeSpan.Zero));

    public ReferralsApp() => Time = Clock;

    protected override string Tag => "deadline";
}

/// <summary>
/// The response deadline (issue 15, item 6), on the class's own clock: sent on a Friday at 3 pm in Riverbend, due on
/// Tuesday at 3 pm (two business days, the weekend not counted); nothing escalates before it; at it the intake team's
/// lead is paged, once however often the job runner looks; an answer ends the escalation.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReferralDeadlineTests(ReferralsApp app) : IClassFixture<ReferralsApp>
{
    [Fact]
    public async Task Due_two_business_days_later_at_the_same_local_time_and_escalated_to_the_intake_lead_once_if_unanswered()
    {
        var p = await app.PartnersAsync();
        Assert.Equal(new DateTimeOffset(2027, 3, 5, 21, 0, 0, TimeSpan.Zero), app.Clock.GetUtcNow()); // Friday 3 pm in Chicago
        var id = await p.SendAsync();
        var view = await p.Clinic.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        var due = view.GetProperty("respondBy").GetDateTime().ToUniversalTime();
        Assert.Equal(new DateTime(2027, 3, 9, 21, 0, 0, DateTimeKind.Utc), due); // Tuesday 3 pm in Chicago

        app.Clock.SetUtcNow(new DateTimeOffset(due.AddMinutes(-1)));
        await RunDueAsync();
        Assert.Empty(await PagedAsync(id, "escalated"));
        app.Clock.SetUtcNow(new DateTimeOffset(due.AddMinutes(1)));
        await RunDueAsync();
        await RunDueAsync();
        Assert.Equal([p.Lead], await PagedAsync(id, "escalated"));
        // Four days on, the clinic signs in again (sessions end long before that).
        using var clinic = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(clinic, "intake@clinic.deadline.test")).StatusCode);
        var overdue = await clinic.GetFromJsonAsync<JsonElement>("/api/referrals");
        Assert.True(Assert.Single(overdue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id).GetProperty("overdue").GetBoolean());

        // Answered: nothing more escalates, however long it waits.
        Assert.Equal(HttpStatusCode.NoContent, (await clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "accepted" })).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(10));
        await RunDueAsync();
        Assert.Equal([p.Lead], await PagedAsync(id, "escalated"));

        // What Insights counts: sent on Friday (Riverbend's day), answered 4 days and a minute later, late, escalated.
        await using var scope = app.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<Kith.Referrals.Contracts.IReferralFacts>();
        var fact = Assert.Single(await facts.BetweenAsync(new DateOnly(2027, 3, 5), new DateOnly(2027, 3, 5), CancellationToken.None));
        Assert.Equal(("accepted", (string?)null, p.ClinicService), (fact.Status, fact.Outcome, fact.ServiceId));
        Assert.Equal(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1), fact.TimeToAnswer);
        Assert.Null(fact.TimeToClose);
        Assert.True(fact.AnsweredLate);
        Assert.True(fact.Escalated);
        Assert.Empty(await facts.BetweenAsync(new DateOnly(2027, 3, 6), new DateOnly(2027, 3, 20), CancellationToken.None));
    }

    private async Task RunDueAsync()
    {
        while (await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None) > 0) { }
    }

    private Task<List<string>> PagedAsync(Guid referral, string kind) =>
        DirectoryData.ReadAsync(app, db => db.Alerts.Where(a => a.SubjectId == referral && a.Kind == kind).Select(a => a.UserId).ToListAsync());
}
