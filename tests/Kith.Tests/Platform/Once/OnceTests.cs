using Kith.Platform.Jobs;
using Kith.Platform.Web.Once;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;

namespace Kith.Tests.Platform.Once;

/// <summary>
/// The two pieces of ADR 26 on the real database: a result shown once (a slot behind a session cookie, encrypted,
/// ten minutes, purged) and a write taken once per key (one winner of a race, replay of the same body only).
/// The pages built on them are tested through HTTP in Concerns/Report and Concerns/Submit.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OnceTests(OnceTests.App app) : IClassFixture<OnceTests.App>
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 5, 17, 0, 0, TimeSpan.Zero));
    private static readonly OnceSlot Slot = new("test-result", "/test/sent");
    private static readonly SentOnceScope Scope = new("test.write", TimeSpan.FromHours(24), TimeSpan.FromMinutes(10));

    public sealed class App : KithApp
    {
        public App() => Time = Clock;
    }

    private sealed record Result(string Code, bool Urgent);

    [Fact]
    public async Task A_slot_is_read_again_within_ten_minutes_then_gone_encrypted_meanwhile_and_purged()
    {
        var put = new DefaultHttpContext();
        await UseAsync<ShownOnce>(s => s.PutAsync(put, Slot, new Result("Marker-SLOT-7Q2P", true), default));

        var cookie = SetCookieHeaderValue.Parse(put.Response.Headers.SetCookie.Single());
        Assert.Equal("kith-once-test-result", cookie.Name.Value);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal("/test/sent", cookie.Path.Value);
        Assert.Null(cookie.Expires); // a session cookie
        Assert.Null(cookie.MaxAge);
        Assert.False(cookie.Secure); // plain HTTP here; HTTPS requests get Secure
        Assert.True(cookie.Value.Length >= 22); // 128 random bits, base64url

        // Encrypted at rest, and only a hash of the id is stored.
        var (content, idHash) = await UseAsync<KithDb, (string, string)>(async db =>
            (await db.Database.SqlQuery<string>($"SELECT content AS \"Value\" FROM platform_shown_once").SingleAsync(),
             await db.Database.SqlQuery<string>($"SELECT id_hash AS \"Value\" FROM platform_shown_once").SingleAsync()));
        Assert.DoesNotContain("Marker-SLOT", content);
        Assert.StartsWith("kp1:", content);
        Assert.DoesNotContain(cookie.Value.Value!, idHash);

        Assert.Equal(new Result("Marker-SLOT-7Q2P", true), await ReadAsync(cookie.Value.Value!));
        Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(new Result("Marker-SLOT-7Q2P", true), await ReadAsync(cookie.Value.Value!)); // a refresh
        Assert.Null(await ReadAsync("not-a-slot-id-at-all-xx"));
        Assert.Null(await ReadAsync(new string('A', 22))); // well formed, no slot

        Clock.Advance(TimeSpan.FromMinutes(1));
        var late = new DefaultHttpContext();
        late.Request.Headers.Cookie = $"kith-once-test-result={cookie.Value.Value}";
        Assert.Null(await UseAsync<ShownOnce, Result?>(s => s.ReadAsync<Result>(late, Slot, default)));
        Assert.Contains("kith-once-test-result=;", late.Response.Headers.SetCookie.ToString()); // the cookie is removed

        await UseAsync<IEnumerable<IRecurringJob>>(jobs => jobs.Single(j => j.Name == "platform.once-purge").RunAsync(default));
        Assert.Equal(0, await UseAsync<KithDb, int>(db => db.ShownOnce.CountAsync()));
    }

    [Fact]
    public async Task Of_many_sends_at_once_with_one_key_exactly_one_writes_and_the_rest_replay_its_answer()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            UseAsync<SentOnce, SentOnceClaim>(s => s.ClaimAsync(Scope, "key-race", "body-1", default)))));

        Assert.Equal(1, claims.Count(c => c.Outcome == SentOnceOutcome.First));
        Assert.All(claims.Where(c => c.Outcome != SentOnceOutcome.First), c => Assert.Equal(SentOnceOutcome.Busy, c.Outcome));

        var first = claims.Single(c => c.Outcome == SentOnceOutcome.First);
        await UseAsync<SentOnce>(s => s.CompleteAsync(Scope, first, 201, "Marker-ANSWER-4K", default));
        var again = await UseAsync<SentOnce, SentOnceClaim>(s => s.ClaimAsync(Scope, "key-race", "body-1", default));
        Assert.Equal((SentOnceOutcome.Done, 201, "Marker-ANSWER-4K"), (again.Outcome, again.Status, again.Response));
        var other = await UseAsync<SentOnce, SentOnceClaim>(s => s.ClaimAsync(Scope, "key-race", "body-2", default));
        Assert.Equal((SentOnceOutcome.Different, null, null), (other.Outcome, other.Status, other.Response));

        // Stored as keyed hashes and ciphertext only.
        var row = await UseAsync<KithDb, string>(db => db.Database
            .SqlQuery<string>($"SELECT key_hash || ' ' || fingerprint || ' ' || response AS \"Value\" FROM platform_sent_once WHERE status = 201").SingleAsync());
        Assert.DoesNotContain("key-race", row);
        Assert.DoesNotContain("Marker-ANSWER", row);
        Assert.Contains("kp1:", row);
    }

    [Fact]
    public async Task A_released_key_is_free_again_a_replay_ends_with_its_window_and_the_key_with_its_time()
    {
        var refused = await UseAsync<SentOnce, SentOnceClaim>(s => s.ClaimAsync(Scope, "key-life", "body", default));
        await UseAsync<SentOnce>(s => s.ReleaseAsync(Scope, refused, default));
        var claim = await UseAsync<SentOnce, SentOnceClaim>(s => s.ClaimAsync(Scope, "key-life", "body", default));
        Assert.Equal(SentOnceOutcome.First, claim.Outcome);
        await UseAsync<SentOnce>(s => s.CompleteAsync(Scope, claim, 303, "Marker-LIFE", default));

        Clock.Advance(TimeSpan.FromMinutes(11));
        await UseAsync<IEnumerable<IRecurringJob>>(jobs => jobs.Single(j => j.Name == "platform.once-purge").RunAsync(default));
        var late = await UseAsync<SentOnce, SentOnceClaim>(s => s.ClaimAsync(Scope, "key-life", "body", default));
        Assert.Equal((SentOnceOutcome.Done, 303, null), (late.Outcome, late.Status, late.Response)); // still once, no longer replayed
        Assert.Null(await UseAsync<KithDb, string?>(db => db.SentOnce.Where(r => r.Scope == Scope.Name && r.Status == 303).Select(r => r.Response).SingleAsync()));

        Clock.Advance(TimeSpan.FromHours(24));
        await UseAsync<IEnumerable<IRecurringJob>>(jobs => jobs.Single(j => j.Name == "platform.once-purge").RunAsync(default));
        Assert.False(await UseAsync<KithDb, bool>(db => db.SentOnce.AnyAsync(r => r.Scope == Scope.Name && r.Status == 303)));
    }

    private Task<Result?> ReadAsync(string id)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"kith-once-test-result={id}";
        return UseAsync<ShownOnce, Result?>(s => s.ReadAsync<Result>(http, Slot, default));
    }

    private Task UseAsync<TService>(Func<TService, Task> use) where TService : notnull =>
        UseAsync<TService, int>(async s => { await use(s); return 0; });

    private async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
