using System.Net;
using System.Text.RegularExpressions;
using Kith.ServiceDirectory.Domain;

namespace Kith.Tests.ServiceDirectory.Editing;

/// <summary>
/// A parish hall the parish keeps, where a clinic also runs a service: the clinic's coordinator may keep the
/// link or remove it, never change the hall (its name, address and confidentiality show on the parish's pages too).
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class SharedLocationTests(KithApp app) : IClassFixture<KithApp>
{
    private sealed record Place(Guid ParishOrg, Guid ClinicOrg, string ParishService, string ClinicService, string Hall);

    /// <summary>Each test gets its own parish, clinic and hall (names made unique by <paramref name="tag"/>).</summary>
    private async Task<Place> SeedAsync(string tag, bool parishUsesIt = true)
    {
        var (parishOrg, parishDir) = await DirectoryData.AddOwnerAsync(app, $"St. Mary's Parish {tag}");
        var (clinicOrg, clinicDir) = await DirectoryData.AddOwnerAsync(app, $"Riverbend Clinic {tag}");
        var hall = Guid.NewGuid().ToString();
        var parishService = await DirectoryData.AddServiceAsync(app, parishDir, $"Parish food shelf {tag}", more: (db, sid) =>
        {
            db.Locations.Add(new Location { Id = hall, LocationType = "physical", OrganizationId = parishDir, Name = "St. Mary's Parish Hall", Latitude = 43.982, Longitude = -92.982 });
            db.Addresses.Add(new Address { Id = Guid.NewGuid().ToString(), LocationId = hall, AddressType = "physical", Address1 = "620 South Broadway", City = "Riverbend", StateProvince = "MN", PostalCode = "55002", Country = "US" });
            if (parishUsesIt) db.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.NewGuid().ToString(), ServiceId = sid, LocationId = hall });
        });
        var clinicService = await DirectoryData.AddServiceAsync(app, clinicDir, $"Consejería {tag}", more: (db, sid) =>
            db.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.NewGuid().ToString(), ServiceId = sid, LocationId = hall }));
        return new(parishOrg, clinicOrg, parishService, clinicService, hall);
    }

    /// <summary>The service's own fields, plus the location fields exactly as the edit page renders them (hidden or not).</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormAsPageRendersAsync(HttpClient client, string page, string name)
    {
        var html = await client.GetStringAsync(page);
        var fields = new List<KeyValuePair<string, string>> { new("name", name), new("status", "active") };
        fields.AddRange(new[] { "MO", "TU", "WE", "TH", "FR", "SA", "SU" }.Select(d => new KeyValuePair<string, string>($"hours.{d}", "closed")));
        foreach (Match tag in Input().Matches(html))
        {
            var input = tag.Value;
            if (input.Contains("type=\"checkbox\"", StringComparison.Ordinal) && !input.Contains(" checked", StringComparison.Ordinal)) continue;
            if (LocationField().Match(input) is { Success: true } m)
                fields.Add(new(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)));
        }
        return fields;
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> form, params (string Key, string Value)[] changes)
    {
        var copy = form.ToList();
        foreach (var (key, value) in changes)
        {
            copy.RemoveAll(f => f.Key == key);
            copy.Add(new(key, value));
        }
        return copy;
    }

    private async Task<(string? Name, string? Street, bool Confidential, int Links)> HallAsync(string hall) =>
        await DirectoryData.ReadAsync(app, async db =>
        {
            var l = await db.Locations.SingleAsync(x => x.Id == hall);
            var street = await db.Addresses.Where(a => a.LocationId == hall).Select(a => a.Address1).SingleOrDefaultAsync();
            return (l.Name, street, l.Confidential, await db.ServiceAtLocations.CountAsync(s => s.LocationId == hall));
        });

    [Fact]
    public async Task Another_organisations_coordinator_sees_the_hall_read_only_and_a_crafted_post_is_refused_leaving_it_unchanged_everywhere()
    {
        var place = await SeedAsync("crafted");
        var (clinic, _) = await Staff.SignedInAsync(app, "coord@clinic-crafted.test", Roles.Coordinator, place.ClinicOrg);
        var page = $"/staff/directory/services/{place.ClinicService}";

        var html = await clinic.GetStringAsync(page);
        Assert.Contains("keeps this place&#x27;s details", html);
        Assert.Matches("type=\"hidden\" name=\"location\\[0\\].name\" value=\"St. Mary&#x27;s Parish Hall\"", html);
        Assert.DoesNotMatch("id=\"f-location-0--name\"", html); // no editable name field for the hall
        Assert.DoesNotContain("name=\"location[0].confidential\" value=\"true\" aria-describedby", html); // no confidential checkbox

        var form = await FormAsPageRendersAsync(clinic, page, "Consejería crafted");
        var crafted = With(form, ("location[0].name", "Riverbend Clinic Annex"), ("location[0].address_1", "1 Elsewhere Rd"), ("location[0].confidential", "true"));
        var revision = await DirectoryData.RevisionAsync(app);
        var response = await Staff.PostFormAsync(clinic, page, "service", crafted);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("St. Mary&#x27;s Parish crafted keeps the details of St. Mary&#x27;s Parish Hall (name, address_1, confidential)", body);
        Assert.Matches("type=\"hidden\" name=\"location\\[0\\].name\" value=\"St. Mary&#x27;s Parish Hall\"", body); // shown as stored, not as posted
        Assert.Equal(("St. Mary's Parish Hall", "620 South Broadway", false, 2), await HallAsync(place.Hall));
        Assert.Equal(revision, await DirectoryData.RevisionAsync(app));

        // The public page and the HSDS record of the parish's own service still show the parish's hall.
        var anonymous = app.Browser();
        var publicPage = await anonymous.GetStringAsync($"/help/services/{place.ParishService}");
        var hsds = await anonymous.GetStringAsync($"/api/hsds/services/{place.ParishService}");
        Assert.Contains("620 South Broadway", publicPage);
        Assert.DoesNotContain("Elsewhere", publicPage);
        Assert.Contains("St. Mary's Parish Hall", hsds);
        Assert.DoesNotContain("Annex", hsds);
        Assert.DoesNotContain("Elsewhere", hsds);
    }

    [Fact]
    public async Task The_form_as_rendered_saves_the_clinics_service_without_touching_the_hall_and_the_link_can_be_removed()
    {
        var place = await SeedAsync("linked", parishUsesIt: false);
        var (clinic, _) = await Staff.SignedInAsync(app, "coord@clinic-linked.test", Roles.Coordinator, place.ClinicOrg);
        var page = $"/staff/directory/services/{place.ClinicService}";

        var saved = await Staff.PostFormAsync(clinic, page, "service", await FormAsPageRendersAsync(clinic, page, "Consejería renamed"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Consejería renamed", await DirectoryData.ReadAsync(app, db => db.Services.Where(s => s.Id == place.ClinicService).Select(s => s.Name).SingleAsync()));
        Assert.Equal(("St. Mary's Parish Hall", "620 South Broadway", false, 1), await HallAsync(place.Hall));
        Assert.False(await DirectoryData.ReadAsync(app, db => db.MetadataEntries.AnyAsync(m => m.ResourceId == place.Hall)));

        // Unlinking the only service there removes the link, not the parish's hall.
        var unlink = With(await FormAsPageRendersAsync(clinic, page, "Consejería renamed"), ("location[0].remove", "true"));
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(clinic, page, "service", unlink)).StatusCode);
        Assert.Equal(("St. Mary's Parish Hall", "620 South Broadway", false, 0), await HallAsync(place.Hall));
    }

    [Fact]
    public async Task The_parish_and_an_administrator_may_still_change_the_hall()
    {
        var place = await SeedAsync("owner");
        var (parish, _) = await Staff.SignedInAsync(app, "coord@parish-owner.test", Roles.Coordinator, place.ParishOrg);
        var (admin, _) = await Staff.SignedInAsync(app, "admin@parish-owner.test", Roles.Admin);

        var parishPage = $"/staff/directory/services/{place.ParishService}";
        Assert.Contains("id=\"f-location-0--name\"", await parish.GetStringAsync(parishPage));
        var byParish = With(await FormAsPageRendersAsync(parish, parishPage, "Parish food shelf"), ("location[0].name", "St. Mary's Parish Centre"),
            ("location[0].address_1", "622 South Broadway"), ("location[0].city", "Riverbend"), ("location[0].state", "MN"),
            ("location[0].postal_code", "55002"), ("location[0].country", "US"), ("location[0].latitude", "43.982"), ("location[0].longitude", "-92.982"));
        var parishSaved = await Staff.PostFormAsync(parish, parishPage, "service", byParish);
        Assert.True(parishSaved.StatusCode == HttpStatusCode.Redirect, await parishSaved.Content.ReadAsStringAsync());
        Assert.Equal(("St. Mary's Parish Centre", "622 South Broadway", false, 2), await HallAsync(place.Hall));

        var clinicPage = $"/staff/directory/services/{place.ClinicService}";
        var byAdmin = With(await FormAsPageRendersAsync(admin, clinicPage, "Consejería owner"), ("location[0].name", "St. Mary's Hall"),
            ("location[0].address_1", "622 South Broadway"), ("location[0].city", "Riverbend"), ("location[0].state", "MN"),
            ("location[0].postal_code", "55002"), ("location[0].country", "US"), ("location[0].latitude", "43.982"), ("location[0].longitude", "-92.982"));
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(admin, clinicPage, "service", byAdmin)).StatusCode);
        Assert.Equal("St. Mary's Hall", (await HallAsync(place.Hall)).Name);
    }

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex Input();

    /// <summary>A location field as the edit page renders it: a hidden input (locked place), a text input or a ticked box.</summary>
    [GeneratedRegex("name=\"(?<name>location\\[\\d+\\]\\.[a-z_0-9]+)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex LocationField();
}
