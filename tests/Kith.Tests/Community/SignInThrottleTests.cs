using Microsoft.Extensions.Time.Testing;
using Kith.Community.Domain;
using Kith.Tests.Concerns.Privacy;
using Microsoft.AspNetCore.Identity;

namespace Kith.Tests.Community;

/// <summary>
/// Wrong passwords slow the client that types them and never lock the owner out; unknown, wrong, throttled and
/// locked sign-ins get one answer, and each hashes the typed password (so none answers faster).
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignInThrottleTests(SignInThrottleTests.App app) : IClassFixture<SignInThrottleTests.App>
{
    private const string Refused = "That email and password did not open an account. If you typed them right, wait a minute and try again.";

    public sealed class App : KithApp
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        internal CountingHasher Hasher { get; } = new();

        public App()
        {
            Time = Clock;
            ConfigureTestServices = services => services.AddSingleton<IPasswordHasher<StaffUser>>(Hasher);
        }
    }

    /// <summary>The real hasher, counting how often a typed password is checked against a hash.</summary>
    internal sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> inner = new();
        private int verified;
        public int Verified => Volatile.Read(ref verified);

        public string HashPassword(StaffUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verified);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task An_attackers_twenty_wrong_tries_do_not_keep_the_owner_out_from_another_client()
    {
        var org = await Staff.AddOrganisationAsync(app, "Throttle Clinic");
        await Staff.AddAsync(app, "owner@throttle.test", Roles.Coordinator, org);
        using var attacker = StoredBytes.ClientFrom("127.0.4.1", app.Address, keepCookies: true);
        using var owner = StoredBytes.ClientFrom("127.0.4.2", app.Address, keepCookies: true);

        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await Staff.SignInAsync(attacker, "owner@throttle.test", "a wrong guess " + i)).StatusCode);
        var attackerWithTheRightPassword = await Staff.SignInAsync(attacker, "owner@throttle.test");
        var ownerSignIn = await Staff.SignInAsync(owner, "owner@throttle.test");

        Assert.Equal(HttpStatusCode.OK, attackerWithTheRightPassword.StatusCode); // still waiting: refused without a check
        Assert.Equal(Refused, ErrorOf(await attackerWithTheRightPassword.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, ownerSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task The_wait_grows_with_each_failure_and_passes()
    {
        var org = await Staff.AddOrganisationAsync(app, "Backoff Clinic");
        await Staff.AddAsync(app, "backoff@throttle.test", Roles.Coordinator, org);
        using var client = StoredBytes.ClientFrom("127.0.4.3", app.Address, keepCookies: true);

        for (var i = 0; i < 6; i++) await Staff.SignInAsync(client, "backoff@throttle.test", "a wrong guess " + i); // the 6th waits 2 s first
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        await Staff.SignInAsync(client, "backoff@throttle.test", "one more wrong guess"); // 6 failures: now 4 s
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        var tooSoon = await Staff.SignInAsync(client, "backoff@throttle.test");
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterTheWait = await Staff.SignInAsync(client, "backoff@throttle.test");

        Assert.Equal(HttpStatusCode.OK, tooSoon.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterTheWait.StatusCode);
    }

    [Fact]
    public async Task Unknown_wrong_throttled_and_locked_get_the_same_answer_and_each_checks_a_hash()
    {
        var org = await Staff.AddOrganisationAsync(app, "Same Answer Clinic");
        await Staff.AddAsync(app, "known@throttle.test", Roles.Coordinator, org);
        var lockedId = await Staff.AddAsync(app, "locked@throttle.test", Roles.Coordinator, org);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(lockedId))!, DateTimeOffset.MaxValue); // as an administrator locks it
        }
        using var throttled = StoredBytes.ClientFrom("127.0.4.4", app.Address, keepCookies: true);
        for (var i = 0; i < 5; i++) await Staff.SignInAsync(throttled, "known@throttle.test", "a wrong guess " + i);
        using var client = StoredBytes.ClientFrom("127.0.4.5", app.Address, keepCookies: true);

        var answers = new List<(HttpStatusCode Status, string? Error, int Hashes)>();
        foreach (var (who, email, password) in new[]
                 {
                     (client, "nobody@throttle.test", Staff.Password), // unknown
                     (client, "known@throttle.test", "not the password at all"), // wrong
                     (throttled, "known@throttle.test", Staff.Password), // throttled, with the right password
                     (client, "locked@throttle.test", Staff.Password), // locked, with the right password
                 })
        {
            var before = app.Hasher.Verified;
            var response = await Staff.SignInAsync(who, email, password);
            answers.Add((response.StatusCode, ErrorOf(await response.Content.ReadAsStringAsync()), app.Hasher.Verified - before));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, Refused, 1), a));
    }

    private static string? ErrorOf(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("#sign-in-error")?.TextContent.Trim();
}
