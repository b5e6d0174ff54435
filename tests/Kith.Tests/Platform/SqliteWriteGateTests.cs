using Kith.Community.Domain;
using Microsoft.AspNetCore.Identity;

namespace Kith.Tests.Platform;

/// <summary>
/// The SQLite write gate must be given back however a save ends: a save that loses an optimistic-concurrency race
/// (two admins changing one account at once) once kept it, and every later write of the process waited for ever.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqliteWriteGateTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task A_save_that_loses_a_concurrency_race_does_not_stop_later_writes()
    {
        var id = await Staff.AddAsync(app, "raced@write-gate.test", Roles.Admin);
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var users1 = first.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var users2 = second.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var one = (await users1.FindByIdAsync(id))!;
        var two = (await users2.FindByIdAsync(id))!;

        Assert.True((await users1.SetPhoneNumberAsync(one, "507-555-0101")).Succeeded);
        var lost = await users2.SetPhoneNumberAsync(two, "507-555-0102"); // read before the first change: a stale concurrency stamp

        Assert.False(lost.Succeeded);
        var later = Task.Run(async () => await Staff.AddOrganisationAsync(app, "Written after the race"));
        Assert.True(await Task.WhenAny(later, Task.Delay(TimeSpan.FromSeconds(20))) == later, "a later write is still waiting for the gate");
        await later;
    }
}
