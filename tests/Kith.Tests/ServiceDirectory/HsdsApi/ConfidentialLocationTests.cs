using System.Security.Claims;
using Kith.ServiceDirectory.Domain;

namespace Kith.Tests.ServiceDirectory.HsdsApi;

/// <summary>
/// A refuge's address never leaves through the HSDS API to the public — in any endpoint, shape or
/// format, nor by filtering on its postcode or proximity — while responders, admins and the owning
/// organisation's coordinators see it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConfidentialLocationTests(KithApp app) : IClassFixture<KithApp>, IAsyncLifetime
{
    private const string Street = "77 Quiet Heron Way";
    private const string Postcode = "QH7 9ZX";
    private const string Latitude = "44.812345";
    private const string Longitude = "-93.287654";
    private const string Secrets = "Take the hidden ferry|SECRET-UPRN-4242|https://refuge.example.org/where";
    private static readonly Guid Owner = new("5a1d0c4e-2f7b-4d7e-9c55-0a7e3c2b9f10");
    private static readonly GeneratedDirectory Directory = GeneratedDirectory.Create(services: 12, seed: 99);
    private static readonly string LocationId = StableId.For("test:refuge");
    private static readonly string SalId = StableId.For("test:refuge-sal");
    private static readonly Service Service = Directory.Services[0];

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        if (await db.Services.AnyAsync()) return;
        var org = Directory.Organizations.Single(o => o.Id == Service.OrganizationId);
        org.KithOrganisationId = Owner;
        Directory.Locations.Add(new()
        {
            Id = LocationId, LocationType = "physical", OrganizationId = org.Id, Name = "Heron House", Description = "A safe place to stay.",
            Confidential = true, Latitude = double.Parse(Latitude), Longitude = double.Parse(Longitude), Transportation = "Take the hidden ferry",
            ExternalIdentifier = "SECRET-UPRN-4242", ExternalIdentifierType = "UPRN", Url = "https://refuge.example.org/where",
        });
        Directory.Addresses.Add(new() { Id = StableId.For("test:refuge-address"), LocationId = LocationId, Address1 = Street, City = "Riverbend", StateProvince = "MN", PostalCode = Postcode, Country = "US", AddressType = "physical" });
        Directory.Phones.Add(new() { Id = StableId.For("test:refuge-phone"), LocationId = LocationId, Number = "651-555-0199", Type = "voice" });
        Directory.ServiceAtLocations.Add(new() { Id = SalId, ServiceId = Service.Id, LocationId = LocationId });
        Directory.Metadata.Add(new() { Id = StableId.For("test:refuge-meta"), ResourceId = LocationId, ResourceType = "location", LastActionDate = new DateOnly(2025, 5, 1), LastActionType = "update", FieldName = "transportation", PreviousValue = "Take the hidden ferry", ReplacementValue = "", UpdatedBy = "x" });
        await Directory.SaveAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string[] Paths =>
    [
        "/api/hsds/services?per_page=1000", "/api/hsds/services?full=true&per_page=1000", "/api/hsds/services?minimal=true&per_page=1000",
        "/api/hsds/services?format=ndjson", "/api/hsds/services?format=ndjson&full=true", $"/api/hsds/services/{Service.Id}",
        "/api/hsds/service_at_locations?per_page=1000", "/api/hsds/service_at_locations?full=true&per_page=1000",
        "/api/hsds/service_at_locations?format=ndjson", "/api/hsds/service_at_locations?format=ndjson&full=true", $"/api/hsds/service_at_locations/{SalId}",
        "/api/hsds/organizations?full=true&per_page=1000", "/api/hsds/organizations?full_service=true&per_page=1000",
        "/api/hsds/organizations?format=ndjson&full_service=true", $"/api/hsds/organizations/{Service.OrganizationId}",
        $"/api/hsds/organizations/{Service.OrganizationId}?full_service=true",
    ];

    [Fact]
    public async Task The_public_sees_the_refuge_and_its_phone_but_never_where_it_is()
    {
        var anonymous = app.Browser();
        var (otherCoordinator, _) = await Staff.SignedInAsync(app, "coord-other@refuge.test", Roles.Coordinator, await Staff.AddOrganisationAsync(app, "Refuge Other Org"));
        var (leader, _) = await Staff.SignedInAsync(app, "leader@refuge.test", Roles.Leader, await OwnerAsync());

        foreach (var client in new[] { anonymous, otherCoordinator, leader })
        {
            foreach (var path in Paths)
            {
                var body = await client.GetStringAsync(path);
                foreach (var secret in Secret()) Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{path} reveals {secret}");
            }
            var detail = await client.GetStringAsync($"/api/hsds/service_at_locations/{SalId}");
            Assert.Contains("Heron House", detail);
            Assert.Contains("651-555-0199", detail);
            Assert.Contains("\"confidential\":true", detail);
            Assert.Equal("0", await TotalAsync(client, $"/api/hsds/service_at_locations?postcode={Uri.EscapeDataString(Postcode)}"));
            Assert.Equal("0", await TotalAsync(client, $"/api/hsds/service_at_locations?postcode={Uri.EscapeDataString(Postcode)}&proximity=200000"));
        }
    }

    [Theory]
    [InlineData(Roles.Responder, false)]
    [InlineData(Roles.Admin, false)]
    [InlineData(Roles.Coordinator, true)]
    public async Task Responders_admins_and_the_owners_coordinators_see_the_address(string role, bool ofOwner)
    {
        var orgs = ofOwner ? await OwnerAsync() : await Staff.AddOrganisationAsync(app, $"Refuge {role} helpers");
        var (client, _) = await Staff.SignedInAsync(app, $"{role}-{ofOwner}@refuge.test", role, orgs);

        var response = await client.GetAsync($"/api/hsds/service_at_locations/{SalId}");
        var detail = await response.Content.ReadAsStringAsync();
        var organization = await client.GetStringAsync($"/api/hsds/organizations/{Service.OrganizationId}");

        foreach (var secret in Secret()) Assert.Contains(secret, detail);
        Assert.Contains(Street, organization);
        Assert.True(response.Headers.CacheControl is { NoStore: true }, "a staff view must not be cached for others");
        Assert.Equal("1", await TotalAsync(client, $"/api/hsds/service_at_locations?postcode={Uri.EscapeDataString(Postcode)}"));
    }

    [Fact]
    public void Only_admins_responders_and_coordinators_of_the_owner_may_see_addresses()
    {
        static ClaimsPrincipal User(string role, params Guid[] orgs) => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, role), .. orgs.Select(o => new Claim(StaffClaims.Organisation, o.ToString()))], "test"));

        Assert.False(ConfidentialLocations.MaySeeAddresses(new ClaimsPrincipal(new ClaimsIdentity()), Owner));
        Assert.True(ConfidentialLocations.MaySeeAddresses(User(Roles.Admin), Owner));
        Assert.True(ConfidentialLocations.MaySeeAddresses(User(Roles.Responder), null));
        Assert.True(ConfidentialLocations.MaySeeAddresses(User(Roles.Coordinator, Guid.NewGuid(), Owner), Owner));
        Assert.False(ConfidentialLocations.MaySeeAddresses(User(Roles.Coordinator, Guid.NewGuid()), Owner));
        Assert.False(ConfidentialLocations.MaySeeAddresses(User(Roles.Coordinator, Owner), null));
        Assert.False(ConfidentialLocations.MaySeeAddresses(User(Roles.Leader, Owner), Owner));
    }

    private static IEnumerable<string> Secret() => [Street, Postcode, Latitude, Longitude, .. Secrets.Split('|')];

    /// <summary>The Kith organisation that owns the refuge, created once so staff can be scoped to it.</summary>
    private async Task<Guid> OwnerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        if (!await db.Organisations.AnyAsync(o => o.Id == Owner))
        {
            db.Organisations.Add(new() { Id = Owner, Name = "Heron House Trust", Type = Kith.Community.Domain.OrganisationType.Other, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        return Owner;
    }

    private static async Task<string> TotalAsync(HttpClient client, string path) =>
        System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(path))!["total_items"]!.ToJsonString();
}
