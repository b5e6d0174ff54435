using Microsoft.Extensions.Time.Testing;
using System.Net.Http.Json;
using Kith.Tests.Concerns.Privacy;

namespace Kith.Tests.Screening.SafetyPlans;

/// <summary>
/// Nothing in a plan is readable without a code: not in the stored bytes, not by staff. A share code lets a
/// signed-in staff member read it (audited) until it expires or the person stops sharing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SafetyPlanSharingTests(SafetyPlanSharingTests.App app) : IClassFixture<SafetyPlanSharingTests.App>
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 5, 4, 15, 0, 0, TimeSpan.Zero));

    public sealed class App : PlanApp
    {
        public App() => Time = Clock;
    }

    [Fact]
    public async Task The_database_never_holds_anything_written_in_any_step()
    {
        var client = app.Browser();
        var (_, _, code) = await PlanPages.CreateAsync(client, PlanPages.OneEntryPerStep("Sealed-9f3a"));
        var (_, _, page) = await PlanPages.OpenAsync(client, code!);
        var fields = PlanPages.EditorFields(page).Select(f => f.Field == "coping.1.text" ? (f.Field, "Sealed-9f3a-edited") : f).ToList();
        await PlanPages.PostAsync(client, "/safety-plan/open", "safety-plan-edit", [("code", code!), .. fields, ("action", "save")]);
        await PlanPages.PostAsync(client, "/safety-plan/open", "safety-plan-share", ("code", code!));

        // The phone as typed and as digits, never its last four alone: "0199" turns up in any stored hex hash now and then.
        string[] markers = [.. PlanPages.Markers("Sealed-9f3a"), "Sealed-9f3a-edited", "555-0142", "(555) 0199", "5550199", code!, code!.Replace("-", "")];
        Assert.NotEmpty(await StoredBytes.FindAsync(app.Database, ["safety_plans"])); // the scan sees stored text (the migration's row; on SQLite the schema too)
        Assert.Empty(await StoredBytes.FindAsync(app.Database, markers));
    }

    [Fact]
    public async Task Staff_read_a_plan_only_with_a_live_share_code_and_each_read_is_audited()
    {
        var person = app.Browser();
        var (_, _, code) = await PlanPages.CreateAsync(person, PlanPages.OneEntryPerStep("Shared-1"));
        var (staff, staffId) = await StaffAsync("counsellor-sp@example.org", Roles.Responder);

        // The owner's own code is not a share code: staff cannot use it, nor read anything without one.
        var (_, refusedBody, refused) = await PlanPages.PostAsync(staff, "/staff/safety-plans", "safety-plan-shared", ("code", code!));
        Assert.NotNull(refused.QuerySelector("#code-problem"));
        Assert.DoesNotContain("Shared-1", refusedBody);

        var (_, _, sharedPage) = await PlanPages.PostAsync(person, "/safety-plan/open", "safety-plan-share", ("code", code!));
        var shareCode = sharedPage.QuerySelector("#plan-code")!.TextContent.Trim();
        Assert.NotEqual(code, shareCode);
        Assert.Contains("Shared", sharedPage.QuerySelector(".plan-shared")!.TextContent);

        var (read, _, readPage) = await PlanPages.PostAsync(staff, "/staff/safety-plans", "safety-plan-shared", ("code", shareCode));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.All(PlanPages.Markers("Shared-1"), marker => Assert.Contains(marker, readPage.QuerySelector(".plan-view")!.TextContent));
        Assert.Null(readPage.QuerySelector("#plan-form")); // read only

        var audited = await ReadAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "safety-plan.read" && e.ActorId == staffId).ToListAsync());
        var entry = Assert.Single(audited);
        Assert.Equal("safety-plan", entry.SubjectType);
        Assert.DoesNotContain("Shared-1", entry.Detail ?? "");
    }

    [Fact]
    public async Task A_share_code_stops_working_when_the_person_stops_sharing_or_makes_a_new_one()
    {
        var person = app.Browser();
        var (_, _, code) = await PlanPages.CreateAsync(person, ("reasons.0.text", "Revoked-2"));
        var (staff, _) = await StaffAsync("counsellor-revoke@example.org", Roles.Coordinator);
        var first = await ShareAsync(person, code!);
        var second = await ShareAsync(person, code!);

        Assert.False(await StaffCanReadAsync(staff, first, "Revoked-2"));
        Assert.True(await StaffCanReadAsync(staff, second, "Revoked-2"));

        var (_, _, stopped) = await PlanPages.PostAsync(person, "/safety-plan/open", "safety-plan-unshare", ("code", code!));
        Assert.Contains("Not shared", stopped.QuerySelector(".plan-shared")!.TextContent);
        Assert.False(await StaffCanReadAsync(staff, second, "Revoked-2"));
        // The owner's code still works.
        Assert.Contains("Revoked-2", (await PlanPages.OpenAsync(person, code!)).Page.QuerySelector(".plan-view")!.TextContent);
    }

    [Fact]
    public async Task A_share_code_expires_after_thirty_days()
    {
        var person = app.Browser();
        var (_, _, code) = await PlanPages.CreateAsync(person, ("reasons.0.text", "Expiring-3"));
        var share = await ShareAsync(person, code!);

        // Signed in afresh each time: a staff session does not last a month.
        Clock.Advance(TimeSpan.FromDays(29));
        Assert.True(await StaffCanReadAsync((await StaffAsync("counsellor-expire-1@example.org", Roles.Leader)).Client, share, "Expiring-3"));
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.False(await StaffCanReadAsync((await StaffAsync("counsellor-expire-2@example.org", Roles.Leader)).Client, share, "Expiring-3"));
        Assert.Contains("Not shared", (await PlanPages.OpenAsync(person, code!)).Page.QuerySelector(".plan-shared")!.TextContent);
    }

    [Fact]
    public async Task The_staff_page_needs_a_signed_in_staff_member()
    {
        var response = await app.Browser().GetAsync("/staff/safety-plans");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", Staff.RedirectPath(response));
    }

    [Fact]
    public async Task The_api_shares_and_stops_sharing_too()
    {
        var api = app.CreateClient();
        var created = await api.PostAsJsonAsync("/api/safety-plans", new { sections = new Dictionary<string, object[]> { ["reasons"] = [new { text = "Api-share-4" }] } });
        var code = (await created.Content.ReadFromJsonAsync<CodeBody>())!.Code;
        var shared = await api.PostAsJsonAsync("/api/safety-plans/share", new { code });
        var share = (await shared.Content.ReadFromJsonAsync<ShareBody>())!;
        Assert.Equal(Clock.GetUtcNow().UtcDateTime.AddDays(30), share.Until, TimeSpan.FromSeconds(1));

        var (staff, _) = await StaffAsync("counsellor-api@example.org", Roles.Admin);
        Assert.True(await StaffCanReadAsync(staff, share.ShareCode, "Api-share-4"));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync("/api/safety-plans/stop-sharing", new { code })).StatusCode);
        Assert.False(await StaffCanReadAsync(staff, share.ShareCode, "Api-share-4"));
    }

    /// <summary>Any staff role may read a shared plan; all but administrators belong to an organisation.</summary>
    private async Task<(HttpClient Client, string Id)> StaffAsync(string email, string role) =>
        await Staff.SignedInAsync(app, email, role, role != Roles.Admin ? [await Staff.AddOrganisationAsync(app, email)] : []);

    private sealed record CodeBody(string Code);
    private sealed record ShareBody(string ShareCode, DateTime Until);

    private static async Task<string> ShareAsync(HttpClient person, string code)
    {
        var (_, _, page) = await PlanPages.PostAsync(person, "/safety-plan/open", "safety-plan-share", ("code", code));
        return page.QuerySelector("#plan-code")!.TextContent.Trim();
    }

    private static async Task<bool> StaffCanReadAsync(HttpClient staff, string shareCode, string marker)
    {
        var (_, body, page) = await PlanPages.PostAsync(staff, "/staff/safety-plans", "safety-plan-shared", ("code", shareCode));
        if (page.QuerySelector(".plan-view") is null)
        {
            Assert.Equal("No shared plan opens with that code. It may be wrong, expired, or no longer shared.", page.QuerySelector("#code-problem")!.TextContent.Trim());
            Assert.DoesNotContain(marker, body);
            return false;
        }
        return page.QuerySelector(".plan-view")!.TextContent.Contains(marker, StringComparison.Ordinal);
    }

    private async Task<T> ReadAsync<T>(Func<KithDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KithDb>());
    }
}
