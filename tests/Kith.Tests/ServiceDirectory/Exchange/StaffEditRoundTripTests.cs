using System.Net.Http.Json;
using Kith.ServiceDirectory.Domain;
using Kith.Tests.ServiceDirectory.Editing;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>
/// A backup is only a backup if it restores: after every kind of staff edit (through the real pages and API),
/// the export imports again with no problem, changes nothing in place, and fills a fresh database with the same data.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StaffEditRoundTripTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task After_every_kind_of_staff_edit_the_export_reimports_without_problems_and_restores_the_same_data()
    {
        await DeleteDirectoryAsync(app);
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Round Trip Clinic");
        var existing = await DirectoryData.AddServiceAsync(app, dirOrg, "Bare service");
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord@round-trip.test", Roles.Coordinator, kithOrg);

        // A new service with every part the form has.
        var created = await Staff.PostFormAsync(coordinator, "/staff/directory/services/new", "service",
            EditServicePagesTests.Form("Walk-in counselling", ("organization", dirOrg), ("location[0].confidential", "false")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await DirectoryData.ReadAsync(app, db => db.Services.Where(s => s.Name == "Walk-in counselling").Select(s => s.Id).SingleAsync());
        var page = $"/staff/directory/services/{id}";
        var main = await DirectoryData.ReadAsync(app, db => db.ServiceAtLocations.Where(s => s.ServiceId == id).Select(s => s.LocationId).SingleAsync());

        // Edit it: details cleared and changed, other hours, the location changed and a second one added…
        var edited = await Staff.PostFormAsync(coordinator, page, "service", EditServicePagesTests.Form("Walk-in counselling and groups",
            ("description", ""), ("alert", "Closed on the 4th"), ("free", ""), ("hours.WE", "open"), ("hours.WE.opens", "10:00"), ("hours.WE.closes", "14:00"),
            ("location[0].id", main), ("location[0].name", "Main office, 2nd floor"), ("location[0].confidential", "false"),
            ("location[1].id", ""), ("location[1].name", "Library room"), ("location[1].address_1", "5 Elm St"), ("location[1].city", "Riverbend"),
            ("location[1].state", "MN"), ("location[1].postal_code", "55001"), ("location[1].country", "US")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var second = await DirectoryData.ReadAsync(app, db => db.ServiceAtLocations.Where(s => s.ServiceId == id && s.LocationId != main).Select(s => s.LocationId).SingleAsync());
        // …then the second location removed again, and the bare service given its first details.
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(coordinator, page, "service", EditServicePagesTests.Form("Walk-in counselling and groups",
            ("location[0].id", main), ("location[0].confidential", "false"), ("location[1].id", second), ("location[1].remove", "true")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(coordinator, $"/staff/directory/services/{existing}", "service",
            EditServicePagesTests.Form("Bare service", ("location[0].name", ""), ("location[0].confidential", "true")))).StatusCode);

        // The quick updates: capacity by API (first time, then again), and "still correct".
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"/api/directory/services/{existing}/capacity", new { unit = "beds", available = 3, maximum = 12, waitlist = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"/api/directory/services/{id}/capacity", new { unit = "appointments", available = 0, maximum = 10 })).StatusCode);
        var token = await Staff.AntiforgeryTokenAsync(coordinator, "/staff/directory/services");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync($"/staff/directory/services/{existing}/verify",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))).StatusCode);

        // The export imports again in place: no problem, nothing to change.
        var exported = await ExportAsync(app);
        var before = await DumpAsync(app);
        var again = await ImportAsync(app, exported, new(DryRun: true));
        Assert.True(again.Succeeded, string.Join('\n', again.Problems.Listed));
        Assert.Empty(again.Warnings.Listed);
        Assert.True(again.Inserted + again.Updated + again.Deleted == 0,
            string.Join('\n', again.Tables.Where(t => t.Inserted + t.Updated + t.Deleted > 0)));
        Assert.Equal(before, await DumpAsync(app));
        Assert.True(await DirectoryData.ReadAsync(app, db => db.MetadataEntries.AnyAsync(m => m.PreviousValue == MetadataEntry.NoValue)),
            "some field was set for the first time");

        // And the operator's full backup restores into a fresh database: every HSDS field of every row as it was.
        var source = await HsdsDumpAsync(app);
        Assert.NotEmpty(source["metadata"]);
        var fresh = new KithApp();
        await ((IAsyncLifetime)fresh).InitializeAsync();
        try
        {
            var restored = await ImportAsync(fresh, await ExportAsync(app, includeConfidential: true));
            Assert.True(restored.Succeeded, string.Join('\n', restored.Problems.Listed));
            Assert.Equal(source, await HsdsDumpAsync(fresh));
        }
        finally
        {
            await ((IAsyncLifetime)fresh).DisposeAsync();
        }
    }
}
