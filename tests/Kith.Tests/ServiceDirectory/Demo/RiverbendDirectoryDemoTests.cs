using System.Text.RegularExpressions;
using Kith.ServiceDirectory.Demo;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Hsds;

namespace Kith.Tests.ServiceDirectory.Demo;

[Trait("Category", "Integration")]
public sealed partial class RiverbendDirectoryDemoTests(SeededRiverbend seeded) : IClassFixture<SeededRiverbend>
{
    [Fact]
    public async Task At_least_sixty_active_services_each_with_organisation_description_need_language_and_a_way_in()
    {
        var (services, organisations, attributes, languages, sals, phones) = await seeded.Read(async db => (
            await db.Services.AsNoTracking().ToListAsync(), await db.DirectoryOrganizations.Select(o => o.Id).ToListAsync(),
            await db.HsdsAttributes.AsNoTracking().ToListAsync(), await db.Languages.AsNoTracking().ToListAsync(),
            await db.ServiceAtLocations.AsNoTracking().ToListAsync(), await db.Phones.AsNoTracking().ToListAsync()));
        var needTerms = KithVocabulary.Needs.Select(t => t.Id).ToHashSet();

        Assert.True(services.Count(s => s.Status == "active") >= 60, $"only {services.Count(s => s.Status == "active")} active services");
        Assert.Contains(services, s => s.Status is "inactive" or "defunct");
        foreach (var s in services)
        {
            Assert.Contains(s.OrganizationId, organisations);
            Assert.False(string.IsNullOrWhiteSpace(s.Description), s.Name);
            Assert.False(string.IsNullOrWhiteSpace(s.EligibilityDescription), s.Name);
            Assert.Contains(attributes, a => a.LinkId == s.Id && a.LinkEntity == "service" && a.LinkType == "need" && needTerms.Contains(a.TaxonomyTermId));
            Assert.Contains(languages, l => l.ServiceId == s.Id && l.Code is "en" or "es" or "so" && l.Name is not null);
            Assert.True(sals.Any(x => x.ServiceId == s.Id) || phones.Any(p => p.ServiceId == s.Id), $"{s.Name} has neither a location nor a phone");
        }
    }

    [Fact]
    public async Task Every_physical_location_lies_in_its_intended_area_with_that_areas_postcode()
    {
        var areas = (await seeded.Read(db => db.Areas.AsNoTracking().ToListAsync())).ToDictionary(a => a.Code);
        var (locations, addresses) = await seeded.Read(async db =>
            (await db.Locations.AsNoTracking().ToListAsync(), await db.Addresses.AsNoTracking().ToListAsync()));

        var physical = DemoDirectory.Places.Where(p => !p.IsVirtual).ToList();
        Assert.True(physical.Select(p => p.Area).Distinct().Count() == 8, "every area has at least one place");
        foreach (var place in physical)
        {
            var location = locations.Single(l => l.Id == DirectoryRowsBuilder.Id("location", place.Key));
            Assert.True(areas[place.Area].Id == location.AreaId, $"{place.Name} is not inside {place.Area}");
            var address = addresses.Single(a => a.LocationId == location.Id);
            Assert.Equal(DemoDirectory.PostalCodes[place.Area], address.PostalCode);
            Assert.Equal(("Riverbend", "MN", "US", "physical"), (address.City, address.StateProvince, address.Country, address.AddressType));
        }
        Assert.All(locations.Where(l => l.LocationType == "physical"), l => Assert.NotNull(l.AreaId));
        Assert.Contains(locations, l => l.LocationType == "virtual" && l.Url is not null && l.AreaId is null);
    }

    [Fact]
    public async Task Each_Kith_organisation_owns_a_directory_organisation_of_the_same_name_with_services()
    {
        var kith = await seeded.Read(db => db.Organisations.AsNoTracking().ToListAsync());
        var (organisations, services) = await seeded.Read(async db =>
            (await db.DirectoryOrganizations.AsNoTracking().ToListAsync(), await db.Services.AsNoTracking().ToListAsync()));

        Assert.Equal(11, kith.Count);
        foreach (var k in kith)
        {
            var owned = organisations.Single(o => o.KithOrganisationId == k.Id);
            Assert.Equal(k.Name, owned.Name);
            Assert.Equal(k.Description, owned.Description);
            Assert.Contains(services, s => s.OrganizationId == owned.Id && s.Status == "active");
        }
        foreach (var national in new[] { "988 Suicide & Crisis Lifeline", "Crisis Text Line", "Veterans Crisis Line", "AgriStress Helpline" })
            Assert.Null(organisations.Single(o => o.Name == national).KithOrganisationId);
    }

    [Theory]
    [InlineData("Grief pod: loss of a spouse or partner")]
    [InlineData("Grief pod: loss of a child")]
    [InlineData("Grief pod: loss of a parent")]
    [InlineData("Grief pod: loss of a friend")]
    [InlineData("Grief pod: loss to suicide")]
    [InlineData("Veterans' coffee group")]
    [InlineData("Emotional-preparedness workshop")]
    [InlineData("Psychological first aid training for lay leaders")]
    [InlineData("Walk-and-talk in Riverside Park")]
    [InlineData("Therapy-dog hours at the library")]
    [InlineData("Barbershop listening hours in Millside")]
    [InlineData("Storytelling circle at Cedar Flats")]
    [InlineData("Parenting and stress workshops with childcare")]
    [InlineData("Shift-friendly support group at the plant")]
    [InlineData("School counselling")]
    [InlineData("Psychiatry")]
    [InlineData("Telehealth counselling")]
    [InlineData("Employee assistance")]
    [InlineData("Food Shelf")]
    [InlineData("Mobile pantry")]
    [InlineData("Senior meals")]
    [InlineData("Housing help")]
    [InlineData("Emergency shelter")]
    [InlineData("Safe Harbor House")]
    [InlineData("Youth drop-in")]
    [InlineData("childcare")]
    [InlineData("Rides to appointments")]
    [InlineData("Public-health nurse")]
    [InlineData("Alcohol and drug")]
    [InlineData("Farm family financial counselling")]
    [InlineData("Library quiet room")]
    public async Task A_programme_named_in_the_field_write_ups_is_in_the_directory(string name)
    {
        var names = await seeded.Read(db => db.Services.Where(s => s.Status == "active").Select(s => s.Name).ToListAsync());

        Assert.Contains(names, n => n.Contains(name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_grief_pods_are_one_programme_with_a_service_per_kind_of_loss_and_places_left()
    {
        var (program, pods, capacities) = await seeded.Read(async db =>
        {
            var p = await db.ServicePrograms.SingleAsync(x => x.Name == "Grief pods");
            return (p, await db.Services.Where(s => s.ProgramId == p.Id).ToListAsync(), await db.ServiceCapacities.ToListAsync());
        });

        Assert.Equal(5, pods.Count);
        Assert.All(pods, pod => Assert.Contains(capacities, c => c.ServiceId == pod.Id && c.Unit == "places" && c.Maximum == 8));
        Assert.Equal(pods[0].OrganizationId, program.OrganizationId);
    }

    [Theory]
    [InlineData("988 Suicide & Crisis Lifeline", "988", "988")]
    [InlineData("Crisis Text Line", null, "741741")]
    [InlineData("Veterans Crisis Line", "988", "838255")]
    [InlineData("AgriStress Helpline", "833-897-2474", "833-897-2474")]
    [InlineData("Riverbend Farm Stress Line", "507-555-0191", "507-555-0191")]
    [InlineData("Riverbend Veterans' Check-in Line", "507-555-0181", "507-555-0181")]
    [InlineData("Línea de Apoyo en Español", "507-555-0132", "507-555-0132")]
    [InlineData("Cedar Flats Somali Support Line", "507-555-0141", "507-555-0141")]
    public async Task A_crisis_or_text_line_is_pinned_with_its_numbers(string name, string? voice, string text)
    {
        var (service, phones, attributes) = await seeded.Read(async db =>
        {
            var s = await db.Services.SingleAsync(x => x.Name == name);
            return (s, await db.Phones.Where(p => p.ServiceId == s.Id).ToListAsync(), await db.HsdsAttributes.Where(a => a.LinkId == s.Id).ToListAsync());
        });

        Assert.Contains(attributes, a => a.TaxonomyTermId == KithVocabulary.NeedId("crisis-line") && a.LinkType == "need");
        Assert.Contains(attributes, a => a.TaxonomyTermId == KithVocabulary.DeliveryId("text"));
        Assert.Contains(phones, p => p.Type == "text" && p.Number == text);
        if (voice is not null) Assert.Contains(phones, p => p.Type == "voice" && p.Number == voice);
        Assert.Equal("active", service.Status);
    }

    [Fact]
    public async Task The_988_Lifeline_offers_Spanish_and_the_Crisis_Text_Line_says_to_text_HOME()
    {
        var (languages, phones) = await seeded.Read(async db =>
        {
            var lifeline = await db.Services.Where(s => s.Name == "988 Suicide & Crisis Lifeline").Select(s => s.Id).SingleAsync();
            var textLine = await db.Services.Where(s => s.Name == "Crisis Text Line").Select(s => s.Id).SingleAsync();
            return (await db.Languages.Where(l => l.ServiceId == lifeline).Select(l => l.Code).ToListAsync(),
                await db.Phones.Where(p => p.ServiceId == lifeline || p.ServiceId == textLine).ToListAsync());
        });

        Assert.Contains("es", languages);
        Assert.Contains(phones, p => p.Number == "988" && p.Type == "voice" && p.Description!.Contains("press 2", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(phones, p => p.Number == "741741" && p.Description!.Contains("HOME"));
    }

    [Fact]
    public async Task Shelters_are_confidential_but_keep_their_area_phone_address_and_coordinates_for_staff()
    {
        var (confidential, phones, addresses) = await seeded.Read(async db => (
            await db.Locations.Where(l => l.Confidential).ToListAsync(), await db.Phones.ToListAsync(), await db.Addresses.ToListAsync()));

        Assert.True(confidential.Count >= 2);
        Assert.All(confidential, l =>
        {
            Assert.NotNull(l.AreaId);
            Assert.NotNull(l.Latitude);
            Assert.Contains(phones, p => p.LocationId == l.Id);
            Assert.Contains(addresses, a => a.LocationId == l.Id && a.Address1.Length > 0);
        });
    }

    [Fact]
    public async Task Spanish_services_meet_in_Southgate_and_Somali_services_at_Cedar_Flats()
    {
        var areas = (await seeded.Read(db => db.Areas.ToListAsync())).ToDictionary(a => a.Id, a => a.Code);
        var rows = await seeded.Read(async db => await (
            from language in db.Languages
            join sal in db.ServiceAtLocations on language.ServiceId equals sal.ServiceId
            join location in db.Locations on sal.LocationId equals location.Id
            where language.Code == "es" || language.Code == "so"
            select new { language.Code, location.AreaId }).ToListAsync());

        // Other classes' places may have no area (a shared PostgreSQL database): only placed ones can meet anywhere.
        Assert.Contains(rows, r => r.Code == "es" && r.AreaId is { } area && areas.GetValueOrDefault(area) == "southgate");
        Assert.Contains(rows, r => r.Code == "so" && r.AreaId is { } area && areas.GetValueOrDefault(area) == "cedar-flats");
        Assert.True(await seeded.Read(db => db.Services.CountAsync(s => s.InterpretationServices != null)) >= 5);
    }

    [Fact]
    public async Task Schedules_are_RRULEs_a_reader_can_parse()
    {
        var (schedules, services, sals) = await seeded.Read(async db => (
            await db.Schedules.AsNoTracking().ToListAsync(), await db.Services.Select(s => s.Id).ToListAsync(), await db.ServiceAtLocations.Select(x => x.Id).ToListAsync()));

        Assert.True(schedules.Count >= 60);
        foreach (var s in schedules)
        {
            Assert.True(s.ServiceId is not null ? services.Contains(s.ServiceId) : sals.Contains(s.ServiceAtLocationId!), s.Id);
            Assert.Null(s.Timezone);
            Assert.NotNull(s.OpensAt);
            Assert.NotNull(s.ClosesAt);
            var days = s.Byday?.Split(',') ?? [];
            switch (s.Freq) // HSDS 3.0 knows only these two (ADR 24)
            {
                case "WEEKLY": Assert.NotEmpty(days); Assert.All(days, d => Assert.Matches(PlainDay(), d)); break;
                case "MONTHLY": Assert.NotEmpty(days); Assert.All(days, d => Assert.Matches(NthDay(), d)); break;
                default: Assert.Fail($"freq {s.Freq} in {s.Id}"); break;
            }
        }
        // 24/7 as HSDS 3.0 says it: every day of the week, 00:00–23:59.
        Assert.Contains(schedules, s => s.Freq == "WEEKLY" && s.Byday == "MO,TU,WE,TH,FR,SA,SU" && s.OpensAt == new TimeOnly(0, 0) && s.ClosesAt == new TimeOnly(23, 59));
        Assert.Contains(schedules, s => s.OpensAt > s.ClosesAt);
        Assert.Contains(schedules, s => s.ServiceAtLocationId is not null);
    }

    [Fact]
    public async Task Some_records_need_verifying_and_every_record_says_who_verified_it()
    {
        var services = await seeded.Read(db => db.Services.AsNoTracking().ToListAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.All(services, s => Assert.True(s.AssuredDate is not null && s.AssurerEmail is not null && s.AssuredBy is not null && s.LastModified is not null));
        var ages = services.Select(s => today.DayNumber - s.AssuredDate!.Value.DayNumber).ToList();
        Assert.True(ages.Count(a => a > 180) >= 5, "several services are stale");
        Assert.True(ages.Count(a => a <= 30) >= 10, "many services are fresh");
        Assert.True(ages.Max() <= 430);
    }

    [Fact]
    public async Task Capacity_and_waitlist_are_shown_for_shelters_food_groups_and_the_clinic()
    {
        var rows = await seeded.Read(async db => await (
            from c in db.ServiceCapacities join s in db.Services on c.ServiceId equals s.Id select new { s.Name, c.Unit, c.Available, c.Maximum }).ToListAsync());
        var waitlisted = await seeded.Read(db => db.Services.Where(s => s.Waitlist).Select(s => s.Name).ToListAsync());

        Assert.Contains(rows, r => r.Name == "Emergency shelter for families" && r.Unit == "beds");
        Assert.Contains(rows, r => r.Name == "Safe Harbor House" && r.Unit == "beds");
        Assert.Contains(rows, r => r.Name == "Riverbend Food Shelf");
        Assert.Contains(rows, r => r.Name == "Counselling for adults" && r.Unit == "appointments this week");
        Assert.All(rows, r => Assert.InRange(r.Available, 0, r.Maximum ?? decimal.MaxValue));
        // A group keeps a waiting list too: the one the groups part publishes by itself (the others take over listings here).
        Assert.Equal(["Parents' circle at the family shelter", "Psychiatry and medication management"], waitlisted.Order());
    }

    [Fact]
    public async Task Costs_are_zero_for_free_services_and_a_sliding_scale_at_the_clinic()
    {
        var rows = await seeded.Read(async db => await (
            from c in db.CostOptions join s in db.Services on c.ServiceId equals s.Id select new { s.Name, c.Option, c.Amount, c.Currency }).ToListAsync());

        Assert.Contains(rows, r => r.Name == "Riverbend Food Shelf" && r.Amount == 0);
        Assert.Contains(rows, r => r.Name == "Counselling for adults" && r.Option == "Sliding scale" && r.Amount > 0);
        Assert.All(rows, r => Assert.Equal("USD", r.Currency));
    }

    [Fact]
    public async Task Kiths_taxonomies_are_published_with_parent_links_and_every_reference_resolves()
    {
        var terms = await seeded.Read(db => db.TaxonomyTerms.AsNoTracking().ToListAsync());
        Assert.Equal(KithVocabulary.Needs.Count + KithVocabulary.Delivery.Count + KithVocabulary.AccessibilityFeatures.Count, terms.Count);
        Assert.Equal(KithVocabulary.NeedId("crisis"), terms.Single(t => t.Code == "crisis-line").ParentId);
        Assert.All(terms, t => Assert.Equal("en", t.Language));
        var attributes = await seeded.Read(db => db.HsdsAttributes.AsNoTracking().ToListAsync());
        Assert.All(attributes, a => Assert.Contains(terms, t => t.Id == a.TaxonomyTermId));
        Assert.Contains(attributes, a => a.LinkEntity == "location" && a.LinkType == "accessibility");

        // Every foreign key the HSDS datapackage declares points at a row that exists.
        foreach (var table in HsdsSchema.Tables)
            foreach (var fk in table.ForeignKeys)
            {
                var target = HsdsSchema.Table(fk.Table).StoreTable;
                var sql = $"SELECT {fk.Field} AS \"Value\" FROM {table.StoreTable} WHERE {fk.Field} IS NOT NULL AND {fk.Field} NOT IN (SELECT id FROM {target})";
                var dangling = await seeded.Read(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());
                Assert.True(dangling.Count == 0, $"{table.Name}.{fk.Field} → {fk.Table}: {string.Join(", ", dangling)}");
            }
    }

    [Fact]
    public void Seeding_again_changes_nothing_and_the_revision_moved_once()
    {
        Assert.Equal(seeded.AfterFirst, seeded.AfterSecond);
        Assert.True(int.Parse(seeded.AfterFirst["directory_services"].Split(' ')[0]) >= 60);
        // Once for the directory's part, once for the group the groups part publishes.
        Assert.Equal(seeded.RevisionBefore + 2, seeded.RevisionAfterFirst);
        Assert.Equal(seeded.RevisionAfterFirst, seeded.RevisionAfterSecond);
    }

    [GeneratedRegex("^(MO|TU|WE|TH|FR|SA|SU)$")]
    private static partial Regex PlainDay();

    [GeneratedRegex("^-?[1-5](MO|TU|WE|TH|FR|SA|SU)$")]
    private static partial Regex NthDay();
}
