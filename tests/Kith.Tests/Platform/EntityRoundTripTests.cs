using System.Security.Claims;
using Kith.Community.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Microsoft.AspNetCore.Identity;

namespace Kith.Tests.Platform;

/// <summary>One of each entity in the KithDb model is written and read back with every mapped value equal (times in UTC).</summary>
[Trait("Category", "Integration")]
public sealed class EntityRoundTripTests(KithApp app) : IClassFixture<KithApp>
{
    // Microsecond precision: PostgreSQL's timestamp resolution.
    private static readonly DateTime T = new(2026, 3, 14, 15, 9, 26, 535, 897, DateTimeKind.Utc);

    [Fact]
    public async Task Organisations_areas_and_staff_organisations_round_trip()
    {
        var area = new Area
        {
            Id = Guid.NewGuid(), Code = "RT-" + Guid.NewGuid().ToString("N")[..6], Name = "Round Trip Valley", Description = "North bank",
            Population = 12_345, BoundaryGeoJson = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}",
            CentroidLatitude = 44.9537029, CentroidLongitude = -93.0899578, UpdatedAt = T,
        };
        var org = new Organisation
        {
            Id = Guid.NewGuid(), Name = "Round Trip Clinic", Type = OrganisationType.Clinic, Description = "Walk-in, Tuesdays",
            Website = "https://clinic.example", Phone = "+1 555 0100", Email = "hello@clinic.example", AreaId = area.Id,
            Active = false, CreatedAt = T, UpdatedAt = T.AddDays(1),
        };
        var home = await Staff.AddOrganisationAsync(app, "Round Trip Home");
        var userId = await Staff.AddAsync(app, "roundtrip-org@rt.test", Roles.Responder, home);
        var membership = new StaffOrganisation { UserId = userId, OrganisationId = org.Id };
        await SaveAsync(area, org, membership);

        await AssertStoredAsync(area, db => db.Areas.SingleAsync(a => a.Id == area.Id));
        await AssertStoredAsync(org, db => db.Organisations.SingleAsync(o => o.Id == org.Id));
        await AssertStoredAsync(membership, db => db.StaffOrganisations.SingleAsync(s => s.UserId == userId && s.OrganisationId == org.Id));
    }

    [Fact]
    public async Task Staff_users_and_their_identity_rows_round_trip_through_UserManager()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<StaffRole>>();
        var role = new StaffRole("rt-role-" + Guid.NewGuid().ToString("N")[..6]);
        Assert.True((await roles.CreateAsync(role)).Succeeded);
        Assert.True((await roles.AddClaimAsync(role, new Claim("permission", "reports.read"))).Succeeded);
        var user = new StaffUser
        {
            UserName = "rt-user@rt.test", Email = "rt-user@rt.test", DisplayName = "Round Trip Ruth", EmailConfirmed = true,
            MustChangePassword = true, CreatedAt = T, PhoneNumber = "+1 555 0199", LockoutEnabled = true,
        };
        Assert.True((await users.CreateAsync(user, Staff.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role.Name!)).Succeeded);
        Assert.True((await users.AddClaimAsync(user, new Claim("org", "42"))).Succeeded);
        Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("oidc", "subject-123", "County SSO"))).Succeeded);
        Assert.True((await users.SetAuthenticationTokenAsync(user, "oidc", "refresh", "token-value")).Succeeded);
        Assert.True((await users.SetLockoutEndDateAsync(user, new DateTimeOffset(T.AddHours(1)))).Succeeded);

        await AssertStoredAsync(user, db => db.Users.SingleAsync(u => u.Id == user.Id));
        await AssertStoredAsync(role, db => db.Roles.SingleAsync(r => r.Id == role.Id));
        await AssertStoredAsync(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id },
            db => db.UserRoles.SingleAsync(r => r.UserId == user.Id));
        var claim = await Fresh(db => db.UserClaims.SingleAsync(c => c.UserId == user.Id));
        Assert.Equal(("org", "42"), (claim.ClaimType, claim.ClaimValue));
        var roleClaim = await Fresh(db => db.RoleClaims.SingleAsync(c => c.RoleId == role.Id));
        Assert.Equal(("permission", "reports.read"), (roleClaim.ClaimType, roleClaim.ClaimValue));
        await AssertStoredAsync(new IdentityUserLogin<string> { LoginProvider = "oidc", ProviderKey = "subject-123", ProviderDisplayName = "County SSO", UserId = user.Id },
            db => db.UserLogins.SingleAsync(l => l.UserId == user.Id));
        await AssertStoredAsync(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "oidc", Name = "refresh", Value = "token-value" },
            db => db.UserTokens.SingleAsync(t => t.UserId == user.Id));
        Assert.True(await users.CheckPasswordAsync(await users.FindByEmailAsync("rt-user@rt.test") ?? throw new InvalidOperationException(), Staff.Password));
    }

    [Fact]
    public async Task Platform_rows_round_trip_audit_outbox_jobs_and_probe_runs()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync("rt.recorded", "actor-7", "case", "case-9", new { level = 2 });
        var audit = await Fresh(db => db.AuditEntries.SingleAsync(e => e.Action == "rt.recorded"));
        Assert.Equal(("actor-7", "case", "case-9", "{\"level\":2}"), (audit.ActorId, audit.SubjectType, audit.SubjectId, audit.Detail));
        Assert.Equal(DateTimeKind.Utc, audit.At.Kind);
        Assert.Equal(app.Services.GetRequiredService<AuditChain>().HashOf(audit), audit.Hash); // every hashed field came back exactly

        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(), Topic = "rt.topic", Payload = "{\"text\":\"é ünïcode ✓ and a long payload\"}", IdempotencyKey = "rt:" + Guid.NewGuid(),
            CreatedAt = T, DueAt = T.AddMinutes(5), Attempts = 3, LockedBy = "node-a", LeaseToken = Guid.NewGuid(), LockedUntil = T.AddMinutes(7),
            CompletedAt = T.AddMinutes(6), FailedAt = T.AddMinutes(8), LastError = "TimeoutException: gateway",
        };
        var job = new ScheduledJob
        {
            Name = "rt.job-" + Guid.NewGuid().ToString("N")[..6], NextRunAt = T.AddHours(1), LockedBy = "node-b", LeaseToken = Guid.NewGuid(),
            LockedUntil = T.AddMinutes(2), LastRunAt = T, LastError = "none",
        };
        var probe = new ProbeRun { MessageId = Guid.NewGuid(), NodeId = "node-c", RanAt = T };
        await SaveAsync(message, job, probe);

        await AssertStoredAsync(message, db => db.Outbox.SingleAsync(m => m.Id == message.Id));
        await AssertStoredAsync(job, db => db.ScheduledJobs.SingleAsync(j => j.Name == job.Name));
        Assert.True(probe.Id > 0);
        await AssertStoredAsync(probe, db => db.ProbeRuns.SingleAsync(p => p.Id == probe.Id));
    }

    private async Task SaveAsync(params object[] entities)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        foreach (var e in entities) db.Add(e);
        await db.SaveChangesAsync();
    }

    private async Task<T> Fresh<T>(Func<KithDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(db);
    }

    /// <summary>Reads the row in a fresh context and compares every property the model maps.</summary>
    private async Task AssertStoredAsync<T>(T expected, Func<KithDb, Task<T>> read) where T : class
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var actual = await read(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        foreach (var property in entity.GetProperties().Where(p => p.PropertyInfo is not null))
        {
            var want = property.PropertyInfo!.GetValue(expected);
            var got = property.PropertyInfo.GetValue(actual);
            Assert.True(Equals(want, got), $"{typeof(T).Name}.{property.Name}: wrote {want}, read {got}");
            if (got is DateTime time) Assert.Equal(DateTimeKind.Utc, time.Kind);
        }
    }
}
