using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.Demo;

internal sealed partial class DirectoryRowsBuilder
{
    private static readonly IReadOnlyDictionary<string, string> LanguageNames =
        new Dictionary<string, string> { ["en"] = "English", ["es"] = "Spanish", ["so"] = "Somali" };

    private void AddService(DemoService s)
    {
        var id = Id("service", s.Key);
        var provider = Provider(s.Provider);
        var verified = now.AddDays(-s.VerifiedDaysAgo);
        rows.Add(new Service
        {
            Id = id, OrganizationId = Id("org", s.Provider), ProgramId = s.Program is null ? null : Id("program", s.Program),
            Name = s.Name, AlternateName = s.AlternateName, Description = s.Description, Url = s.Url, Email = s.Email, Status = s.Status,
            InterpretationServices = s.Interpretation, ApplicationProcess = s.ApplicationProcess, FeesDescription = s.Fees,
            EligibilityDescription = s.Eligibility, MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge, Alert = s.Alert,
            AssuredDate = DateOnly.FromDateTime(verified), AssurerEmail = provider.AssurerEmail, AssuredBy = provider.AssurerName,
            LastModified = verified, Waitlist = s.Waitlist,
        });
        AddTerms(s, id);
        foreach (var code in s.Languages)
            rows.Add(new Language { Id = Id("service", s.Key, "language", code), ServiceId = id, Code = code, Name = LanguageNames[code] });
        foreach (var (phone, i) in s.Phones.Select((p, i) => (p, i)))
            rows.Add(new Phone { Id = Id("service", s.Key, "phone", i.ToString()), ServiceId = id, Number = phone.Number, Type = phone.Type, Description = phone.Description });
        foreach (var (cost, i) in s.Costs.Select((c, i) => (c, i)))
            rows.Add(new CostOption { Id = Id("service", s.Key, "cost", i.ToString()), ServiceId = id, Option = cost.Option, Amount = cost.Amount, AmountDescription = cost.AmountDescription, Currency = "USD" });
        foreach (var place in s.Places)
        {
            if (!places.ContainsKey(place)) throw new InvalidOperationException($"Demo directory: service '{s.Key}' names unknown place '{place}'.");
            rows.Add(new ServiceAtLocation { Id = ServiceAtLocationId(s.Key, place), ServiceId = id, LocationId = Id("location", place) });
        }
        AddHours(s, id);
        AddServiceAreas(s, id);
        foreach (var (document, i) in s.Documents.Select((d, i) => (d, i)))
            rows.Add(new RequiredDocument { Id = Id("service", s.Key, "document", i.ToString()), ServiceId = id, Document = document });
        if (s.Funding is not null) rows.Add(new Funding { Id = Id("service", s.Key, "funding"), ServiceId = id, Source = s.Funding });
        if (s.Contact is { } c)
        {
            var contactId = Id("service", s.Key, "contact");
            rows.Add(new Contact { Id = contactId, ServiceId = id, Name = c.Name, Title = c.Title, Email = c.Email });
            if (c.Phone is not null) rows.Add(new Phone { Id = Id("service", s.Key, "contact", "phone"), ContactId = contactId, Number = c.Phone, Type = "voice" });
        }
        if (s.Capacity is { } capacity)
            rows.Add(new ServiceCapacity
            {
                Id = Id("service", s.Key, "capacity"), ServiceId = id, Unit = capacity.Unit, Available = capacity.Available,
                Maximum = capacity.Maximum, Description = capacity.Description, Updated = now.AddHours(-2),
            });
    }

    private static string ServiceAtLocationId(string service, string place) => Id("service", service, "at", place);

    private void AddTerms(DemoService s, string id)
    {
        if (s.Needs.Length is < 1 or > 3) throw new InvalidOperationException($"Demo directory: service '{s.Key}' needs one to three need terms.");
        foreach (var code in s.Needs)
            rows.Add(new HsdsAttribute
            {
                Id = Id("service", s.Key, "need", code), LinkId = id, LinkEntity = "service", LinkType = "need",
                TaxonomyTermId = Term(KithVocabulary.Needs, code, s.Key).Id,
            });
        foreach (var code in s.Delivery)
            rows.Add(new HsdsAttribute
            {
                Id = Id("service", s.Key, "delivery", code), LinkId = id, LinkEntity = "service", LinkType = "delivery",
                TaxonomyTermId = Term(KithVocabulary.Delivery, code, s.Key).Id,
            });
    }

    private void AddHours(DemoService s, string id)
    {
        foreach (var (hours, i) in s.Hours.Select((h, i) => (h, i)))
        {
            if (hours.Place is not null && !s.Places.Contains(hours.Place))
                throw new InvalidOperationException($"Demo directory: service '{s.Key}' has hours at '{hours.Place}', which is not one of its places.");
            rows.Add(new Schedule
            {
                Id = Id("service", s.Key, "schedule", i.ToString()),
                ServiceId = hours.Place is null ? id : null,
                ServiceAtLocationId = hours.Place is null ? null : ServiceAtLocationId(s.Key, hours.Place),
                Freq = hours.Freq, Byday = hours.ByDay, Wkst = "MO", OpensAt = hours.Opens, ClosesAt = hours.Closes,
                Description = hours.Description,
                // Times are local wall-clock times. HSDS's timezone field (a UTC offset) stays null: one fixed offset
                // would be wrong for half the year, so the deployment's zone (Kith:TimeZone, America/Chicago) applies.
                Timezone = null,
            });
        }
    }

    private void AddServiceAreas(DemoService s, string id)
    {
        foreach (var code in s.ServiceAreas)
        {
            var areaId = Id("service", s.Key, "area", code);
            if (code == DemoDirectory.County)
            {
                rows.Add(new ServiceArea { Id = areaId, ServiceId = id, Name = DemoDirectory.CountyName, Description = "Anywhere in Riverbend County." });
                continue;
            }
            var area = areas.TryGetValue(code, out var a) ? a : throw new InvalidOperationException($"Demo directory: service '{s.Key}' names unknown area '{code}'.");
            rows.Add(new ServiceArea { Id = areaId, ServiceId = id, Name = area.Name, Description = $"{area.Name}, Riverbend County.", Extent = area.BoundaryGeoJson, ExtentType = "geojson" });
        }
    }
}
