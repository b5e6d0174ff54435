using System.Globalization;
using Kith.ServiceDirectory.Domain;

namespace Kith.Tests.ServiceDirectory.Editing;

/// <summary>The service editor, driven through its real form posts (antiforgery included), checked in the database.</summary>
[Trait("Category", "Integration")]
public sealed class EditServicePagesTests(KithApp app) : IClassFixture<KithApp>
{
    internal static List<KeyValuePair<string, string>> Form(string name, params (string Key, string Value)[] more)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("name", name), new("status", "active"), new("description", "Walk-in counselling"), new("minimum_age", "16"),
            new("free", "true"), new("needs", "counselling"), new("needs", "grief"), new("delivery", "in-person"),
            new("languages", "en"), new("languages", "so"), new("other_languages", "ar"),
            new("phone[0].number", "555 0101"), new("phone[0].type", "voice"), new("phone[0].description", "Front desk"),
            new("phone[1].number", ""), new("phone[1].type", "voice"),
            new("hours.MO", "open"), new("hours.MO.opens", "9:00"), new("hours.MO.closes", "17:00"),
            new("hours.TU", "open"), new("hours.TU.opens", "09:00"), new("hours.TU.closes", "17:00"),
            new("hours.WE", "closed"), new("hours.TH", "closed"), new("hours.FR", "closed"), new("hours.SA", "24h"), new("hours.SU", "closed"),
            new("location[0].id", ""), new("location[0].name", "Main office"), new("location[0].address_1", "12 River St"),
            new("location[0].city", "Riverbend"), new("location[0].state", "MN"), new("location[0].postal_code", "55001"),
            new("location[0].country", "US"), new("location[0].latitude", "44.95"), new("location[0].longitude", "-93.1"),
            new("location[0].accessibility", "wheelchair"), new("location[0].confidential", "true"),
            new("capacity_unit", "appointments"), new("capacity_available", "4"), new("capacity_maximum", "10"),
        };
        foreach (var (key, value) in more)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }
        return fields;
    }

    [Fact]
    public async Task A_coordinator_edits_their_own_service_and_every_part_lands_in_hsds_rows_with_metadata()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Clinic");
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Old counselling", more: (db, sid) =>
            db.Schedules.Add(new Schedule { Id = Guid.NewGuid().ToString(), ServiceId = sid, Freq = "MONTHLY", Byday = "1WE", OpensAt = new(18, 0), ClosesAt = new(20, 0), Description = "Family night" }));
        var (coordinator, coordinatorId) = await Staff.SignedInAsync(app, "coord@edit-pages.test", Roles.Coordinator, kithOrg);
        var revision = await DirectoryData.RevisionAsync(app);

        var page = $"/staff/directory/services/{id}";
        var response = await Staff.PostFormAsync(coordinator, page, "service", Form("Walk-in counselling"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, Staff.RedirectPath(response));
        await DirectoryData.ReadAsync(app, async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id);
            Assert.Equal("Walk-in counselling", service.Name);
            Assert.Equal(16m, service.MinimumAge);
            Assert.NotNull(service.LastModified);
            var weekly = await db.Schedules.Where(s => s.ServiceId == id && s.Freq == "WEEKLY").OrderBy(s => s.Byday).ToListAsync();
            Assert.Collection(weekly,
                s => { Assert.Equal("MO,TU", s.Byday); Assert.Equal(new TimeOnly(9, 0), s.OpensAt); Assert.Equal(new TimeOnly(17, 0), s.ClosesAt); },
                s => { Assert.Equal("SA", s.Byday); Assert.Equal(new TimeOnly(0, 0), s.OpensAt); Assert.Equal(new TimeOnly(23, 59), s.ClosesAt); });
            Assert.True(await db.Schedules.AnyAsync(s => s.ServiceId == id && s.Freq == "MONTHLY"), "the rule the editor does not own is kept");
            var terms = await db.HsdsAttributes.Where(a => a.LinkId == id).Select(a => new { a.TaxonomyTermId, a.LinkType, a.LinkEntity }).ToListAsync();
            Assert.Contains(terms, t => t.TaxonomyTermId == KithVocabulary.NeedId("grief") && t.LinkType == "need" && t.LinkEntity == "service");
            Assert.Contains(terms, t => t.TaxonomyTermId == KithVocabulary.DeliveryId("in-person") && t.LinkType == "delivery");
            Assert.Equal(["ar", "en", "so"], await db.Languages.Where(l => l.ServiceId == id).OrderBy(l => l.Code).Select(l => l.Code!).ToListAsync());
            Assert.Equal("555 0101", (await db.Phones.SingleAsync(p => p.ServiceId == id)).Number);
            Assert.Equal(0m, (await db.CostOptions.SingleAsync(c => c.ServiceId == id)).Amount);
            var capacity = await db.ServiceCapacities.SingleAsync(c => c.ServiceId == id);
            Assert.Equal(("appointments", 4m, (decimal?)10m), (capacity.Unit, capacity.Available, capacity.Maximum));
            var locationId = await db.ServiceAtLocations.Where(s => s.ServiceId == id).Select(s => s.LocationId).SingleAsync();
            var location = await db.Locations.SingleAsync(l => l.Id == locationId);
            Assert.True(location.Confidential);
            Assert.Equal(44.95, location.Latitude);
            Assert.Equal("12 River St", (await db.Addresses.SingleAsync(a => a.LocationId == locationId)).Address1);
            Assert.True(await db.HsdsAttributes.AnyAsync(a => a.LinkId == locationId && a.LinkEntity == "location" && a.TaxonomyTermId == KithVocabulary.AccessibilityId("wheelchair")));
            var name = await db.MetadataEntries.SingleAsync(m => m.ResourceId == id && m.FieldName == "name");
            Assert.Equal(("service", "update", "Old counselling", "Walk-in counselling", "coord"), (name.ResourceType, name.LastActionType, name.PreviousValue, name.ReplacementValue, name.UpdatedBy));
            Assert.Equal("MO 09:00-17:00; TU 09:00-17:00; SA 24h", (await db.MetadataEntries.SingleAsync(m => m.ResourceId == id && m.FieldName == "schedules")).ReplacementValue);
            Assert.True(await db.MetadataEntries.AnyAsync(m => m.ResourceId == locationId && m.ResourceType == "location" && m.FieldName == "confidential" && m.LastActionType == "create" && m.ReplacementValue == "true"));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "directory.service-updated" && e.SubjectId == id && e.ActorId == coordinatorId));
            return 0;
        });
        Assert.Equal(revision + 1, await DirectoryData.RevisionAsync(app));

        // The page reads the same rows back into the form.
        var html = await coordinator.GetStringAsync(page);
        Assert.Contains("name=\"hours.MO.opens\" type=\"time\" value=\"09:00\"", html);
        Assert.Contains("<option value=\"24h\" selected", html);
        Assert.Contains("1WE", html);
        Assert.Matches("id=\"loc-0-confidential\" name=\"location\\[0\\].confidential\" value=\"true\" checked", html);
    }

    [Fact]
    public async Task Saving_again_without_changes_writes_no_metadata_and_unticking_confidential_is_recorded()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Shelter");
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Shelter");
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord2@edit-pages.test", Roles.Coordinator, kithOrg);
        var page = $"/staff/directory/services/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(coordinator, page, "service", Form("Shelter"))).StatusCode);
        var locationId = await DirectoryData.ReadAsync(app, db => db.ServiceAtLocations.Where(s => s.ServiceId == id).Select(s => s.LocationId).SingleAsync());
        var count = await DirectoryData.ReadAsync(app, db => db.MetadataEntries.CountAsync(m => m.ResourceId == id || m.ResourceId == locationId));

        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(coordinator, page, "service", Form("Shelter", ("location[0].id", locationId)))).StatusCode);
        Assert.Equal(count, await DirectoryData.ReadAsync(app, db => db.MetadataEntries.CountAsync(m => m.ResourceId == id || m.ResourceId == locationId)));

        var unticked = Form("Shelter", ("location[0].id", locationId));
        unticked.RemoveAll(f => f.Key == "location[0].confidential");
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(coordinator, page, "service", unticked)).StatusCode);
        Assert.False(await DirectoryData.ReadAsync(app, db => db.Locations.Where(l => l.Id == locationId).Select(l => l.Confidential).SingleAsync()));
        var change = await DirectoryData.ReadAsync(app, db => db.MetadataEntries.SingleAsync(m => m.ResourceId == locationId && m.FieldName == "confidential" && m.LastActionType == "update"));
        Assert.Equal(("true", "false"), (change.PreviousValue, change.ReplacementValue));
        Assert.Equal(1, await DirectoryData.ReadAsync(app, db => db.ServiceAtLocations.CountAsync(s => s.ServiceId == id)));
    }

    [Fact]
    public async Task A_confidential_location_gets_a_public_point_that_survives_a_small_move_and_is_drawn_again_after_a_long_one()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Refuge");
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Refuge");
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord-refuge@edit-pages.test", Roles.Coordinator, kithOrg);
        var page = $"/staff/directory/services/{id}";
        async Task<(string Id, double Lat, double Lon, double PublicLat, double PublicLon)> PlaceAsync() => await DirectoryData.ReadAsync(app, db =>
            (from sal in db.ServiceAtLocations where sal.ServiceId == id join l in db.Locations on sal.LocationId equals l.Id
             select new ValueTuple<string, double, double, double, double>(l.Id, l.Latitude!.Value, l.Longitude!.Value, l.PublicLatitude!.Value, l.PublicLongitude!.Value)).SingleAsync());
        static double Km((string, double Lat, double Lon, double PublicLat, double PublicLon) p) =>
            Kith.ServiceDirectory.Search.GeoDistance.Haversine(p.Lat, p.Lon, p.PublicLat, p.PublicLon);

        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(coordinator, page, "service", Form("Refuge"))).StatusCode);
        var first = await PlaceAsync();
        Assert.InRange(Km(first), 1, 3);

        // 50 m, away from the public point unless that would pass the maximum: the point stays.
        var step = (Km(first) < 2 ? 0.05 : -0.05) / Km(first);
        var near = (Lat: first.Lat + (first.Lat - first.PublicLat) * step, Lon: first.Lon + (first.Lon - first.PublicLon) * step);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(coordinator, page, "service", Form("Refuge", ("location[0].id", first.Id),
            ("location[0].latitude", near.Lat.ToString("R", CultureInfo.InvariantCulture)), ("location[0].longitude", near.Lon.ToString("R", CultureInfo.InvariantCulture))))).StatusCode);
        var moved = await PlaceAsync();
        Assert.Equal(near.Lat, moved.Lat, 9);
        Assert.Equal((first.PublicLat, first.PublicLon), (moved.PublicLat, moved.PublicLon));

        // 28 km north: the old point is far too far, so a new one is drawn around the new position.
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(coordinator, page, "service", Form("Refuge", ("location[0].id", first.Id),
            ("location[0].latitude", "45.2")))).StatusCode);
        var far = await PlaceAsync();
        Assert.Equal(45.2, far.Lat);
        Assert.InRange(Km(far), 1, 3);
    }

    [Fact]
    public async Task Validation_problems_keep_the_form_and_change_nothing()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Invalid");
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Unchanged name");
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord3@edit-pages.test", Roles.Coordinator, kithOrg);
        var revision = await DirectoryData.RevisionAsync(app);

        var response = await Staff.PostFormAsync(coordinator, $"/staff/directory/services/{id}", "service",
            Form("", ("minimum_age", "sixteen"), ("description", "Kept text"), ("hours.TU.opens", "17:00"), ("hours.TU.closes", "09:00"),
                ("capacity_available", "12"), ("capacity_maximum", "10")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Enter the service&#x27;s name.", html);
        Assert.Contains("Ages must be numbers from 0 to 130.", html);
        Assert.Contains("A closing time must be after the opening time", html);
        Assert.Contains("Available cannot be more than the maximum.", html);
        Assert.Contains(">Kept text</textarea>", html);
        Assert.Contains("value=\"sixteen\"", html);
        await DirectoryData.ReadAsync(app, async db =>
        {
            Assert.Equal("Unchanged name", (await db.Services.SingleAsync(s => s.Id == id)).Name);
            Assert.False(await db.Schedules.AnyAsync(s => s.ServiceId == id));
            Assert.False(await db.MetadataEntries.AnyAsync(m => m.ResourceId == id));
            Assert.False(await db.ServiceAtLocations.AnyAsync(s => s.ServiceId == id));
            return 0;
        });
        Assert.Equal(revision, await DirectoryData.RevisionAsync(app));
    }

    [Fact]
    public async Task A_coordinator_is_denied_another_organisations_service_and_told_an_unknown_one_does_not_exist()
    {
        var (mine, _) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Mine");
        var (_, theirs) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Theirs");
        var id = await DirectoryData.AddServiceAsync(app, theirs, "Their service");
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord4@edit-pages.test", Roles.Coordinator, mine);

        var get = await coordinator.GetAsync($"/staff/directory/services/{id}");
        var list = await coordinator.GetStringAsync("/staff/directory/services");
        var unknown = await coordinator.GetAsync($"/staff/directory/services/{Guid.NewGuid()}");
        var token = await Staff.AntiforgeryTokenAsync(coordinator, "/staff/directory/services");
        var post = await coordinator.PostAsync($"/staff/directory/services/{id}", new FormUrlEncodedContent(
            Form("Taken over").Prepend(new("__RequestVerificationToken", token)).Prepend(new("_handler", "service"))));
        var verify = await coordinator.PostAsync($"/staff/directory/services/{id}/verify", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal("/staff/denied", Staff.RedirectPath(get));
        Assert.DoesNotContain("Their service", list);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("/staff/denied", Staff.RedirectPath(post));
        Assert.Equal("/staff/denied", Staff.RedirectPath(verify));
        await DirectoryData.ReadAsync(app, async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id);
            Assert.Equal("Their service", service.Name);
            Assert.Null(service.AssuredDate);
            return 0;
        });
    }

    [Fact]
    public async Task An_admin_edits_any_service_and_filters_the_list_by_organisation()
    {
        var (_, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Admin Org");
        var (_, other) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Other Org");
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Admin edits this");
        await DirectoryData.AddServiceAsync(app, other, "Not in the filter");
        var (admin, _) = await Staff.SignedInAsync(app, "admin@edit-pages.test", Roles.Admin);

        var response = await Staff.PostFormAsync(admin, $"/staff/directory/services/{id}", "service", Form("Admin edited this"));
        var filtered = await admin.GetStringAsync($"/staff/directory/services?organisation={dirOrg}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Admin edited this", await DirectoryData.ReadAsync(app, db => db.Services.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
        Assert.Contains("Admin edited this", filtered);
        Assert.DoesNotContain("Not in the filter", filtered);
    }

    [Fact]
    public async Task A_coordinator_adds_a_service_for_their_organisation_and_it_starts_verified()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Edit Pages New");
        var (_, theirs) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Not Mine");
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord5@edit-pages.test", Roles.Coordinator, kithOrg);

        var refused = await Staff.PostFormAsync(coordinator, "/staff/directory/services/new", "service", Form("Sneaky", ("organization", theirs)));
        var response = await Staff.PostFormAsync(coordinator, "/staff/directory/services/new", "service", Form("Brand new group", ("organization", dirOrg)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await DirectoryData.ReadAsync(app, async db =>
        {
            Assert.False(await db.Services.AnyAsync(s => s.Name == "Sneaky"));
            var service = await db.Services.SingleAsync(s => s.Name == "Brand new group");
            Assert.Equal(dirOrg, service.OrganizationId);
            Assert.NotNull(service.AssuredDate);
            Assert.Equal("create", (await db.MetadataEntries.FirstAsync(m => m.ResourceId == service.Id && m.FieldName == "name")).LastActionType);
            return 0;
        });
    }

    [Fact]
    public async Task Mark_as_verified_sets_the_assured_date_in_the_deployment_time_zone_and_who_verified()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Edit Pages Verify");
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Needs a check", assured: new DateOnly(2020, 1, 1));
        await DirectoryData.ReadAsync(app, db => db.Services.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.VerificationReminderSentAt, DateTime.UtcNow)));
        var (coordinator, coordinatorId) = await Staff.SignedInAsync(app, "verifier@edit-pages.test", Roles.Coordinator, kithOrg);
        var before = await coordinator.GetStringAsync("/staff/directory/services");
        var revision = await DirectoryData.RevisionAsync(app);

        var token = await Staff.AntiforgeryTokenAsync(coordinator, "/staff/directory/services");
        var response = await coordinator.PostAsync($"/staff/directory/services/{id}/verify", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var after = await coordinator.GetStringAsync("/staff/directory/services?verified=" + id);

        Assert.Contains("Needs verifying", before);
        Assert.Contains("need verifying", before);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/directory/services", Staff.RedirectPath(response));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        await DirectoryData.ReadAsync(app, async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id);
            Assert.Equal(today, service.AssuredDate);
            Assert.Equal("verifier", service.AssuredBy);
            Assert.Equal("verifier@edit-pages.test", service.AssurerEmail);
            Assert.Null(service.VerificationReminderSentAt);
            var row = await db.MetadataEntries.SingleAsync(m => m.ResourceId == id && m.FieldName == "assured_date");
            Assert.Equal(("2020-01-01", today.ToString("yyyy-MM-dd"), "verifier"), (row.PreviousValue, row.ReplacementValue, row.UpdatedBy));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "directory.service-verified" && e.SubjectId == id && e.ActorId == coordinatorId));
            return 0;
        });
        Assert.Equal(revision + 1, await DirectoryData.RevisionAsync(app));
        Assert.Contains("Verified today", after);
        Assert.DoesNotContain("Needs verifying", after);
    }
}
