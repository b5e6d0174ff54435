using Kith.ServiceDirectory.Domain;

namespace Kith.Tests.ServiceDirectory;

/// <summary>
/// A deterministic, realistic directory for tests: organizations with identifiers, programs, funding,
/// contacts and phones; physical, postal and virtual locations (some confidential, some without
/// coordinates) with addresses, accessibility, languages and schedules; services with every HSDS child
/// (RRULE schedules, cost options, service areas, required documents…), Kith capacities and waitlists;
/// Kith's taxonomies plus a three-level one, attributes on services and locations, and metadata.
/// The same (services, seed) always gives the same rows and ids (name-based UUIDs).
/// </summary>
internal sealed class GeneratedDirectory
{
    public List<Taxonomy> Taxonomies { get; } = [];
    public List<TaxonomyTerm> TaxonomyTerms { get; } = [];
    public List<DirectoryOrganization> Organizations { get; } = [];
    public List<OrganizationIdentifier> OrganizationIdentifiers { get; } = [];
    public List<ServiceProgram> Programs { get; } = [];
    public List<Service> Services { get; } = [];
    public List<Location> Locations { get; } = [];
    public List<ServiceAtLocation> ServiceAtLocations { get; } = [];
    public List<Address> Addresses { get; } = [];
    public List<Phone> Phones { get; } = [];
    public List<Contact> Contacts { get; } = [];
    public List<Schedule> Schedules { get; } = [];
    public List<Language> Languages { get; } = [];
    public List<Accessibility> Accessibility { get; } = [];
    public List<CostOption> CostOptions { get; } = [];
    public List<ServiceArea> ServiceAreas { get; } = [];
    public List<RequiredDocument> RequiredDocuments { get; } = [];
    public List<Funding> Funding { get; } = [];
    public List<HsdsAttribute> Attributes { get; } = [];
    public List<MetadataEntry> Metadata { get; } = [];
    public List<MetaTableDescription> MetaTableDescriptions { get; } = [];
    public List<ServiceCapacity> Capacities { get; } = [];

    /// <summary>The moment the generated data is "as of" (last_modified and capacity updates lie before it).</summary>
    public static readonly DateTime AsOf = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Random rng;
    private readonly int seed;
    private int counter;

    private GeneratedDirectory(int seed) => (this.seed, rng) = (seed, new Random(seed));

    public static GeneratedDirectory Create(int services, int seed)
    {
        var d = new GeneratedDirectory(seed);
        d.AddTaxonomies();
        var orgCount = Math.Max(1, services / 3);
        for (var i = 0; i < orgCount; i++) d.AddOrganization(i);
        for (var i = 0; i < services; i++) d.AddService(d.Organizations[i % orgCount], i);
        d.MetaTableDescriptions.Add(new() { Id = d.NewId("meta"), Name = "services", Language = "en", CharacterSet = "UTF-8" });
        d.MetaTableDescriptions.Add(new() { Id = d.NewId("meta"), Name = "locations", Language = "en", CharacterSet = "UTF-8" });
        return d;
    }

    /// <summary>Saves every row in one transaction with the revision bump. Taxonomies and terms already present (Kith's own) are kept.</summary>
    public async Task SaveAsync(KithDb db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taxonomyIds = Taxonomies.Select(t => t.Id).ToList();
        var termIds = TaxonomyTerms.Select(t => t.Id).ToList();
        var existingTaxonomies = await db.Taxonomies.Where(t => taxonomyIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        var existingTerms = await db.TaxonomyTerms.Where(t => termIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        db.AddRange(Taxonomies.Where(t => !existingTaxonomies.Contains(t.Id)));
        db.AddRange(TaxonomyTerms.Where(t => !existingTerms.Contains(t.Id)));
        db.AddRange(Organizations); db.AddRange(OrganizationIdentifiers); db.AddRange(Programs); db.AddRange(Services);
        db.AddRange(Locations); db.AddRange(ServiceAtLocations); db.AddRange(Addresses); db.AddRange(Phones); db.AddRange(Contacts);
        db.AddRange(Schedules); db.AddRange(Languages); db.AddRange(Accessibility); db.AddRange(CostOptions); db.AddRange(ServiceAreas);
        db.AddRange(RequiredDocuments); db.AddRange(Funding); db.AddRange(Attributes); db.AddRange(Metadata);
        db.AddRange(MetaTableDescriptions); db.AddRange(Capacities);
        await db.SaveChangesAsync(ct);
        await db.BumpRevisionAsync(DateTime.UtcNow, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    // ---- vocabularies ---------------------------------------------------------------------------

    private static readonly (string Code, string Name, string? Parent)[] Topics =
    [
        ("BD", "Basic Needs", null), ("BD-1800", "Food", "BD"), ("BD-1800.2000", "Food Pantries", "BD-1800"),
        ("BD-1800.1900", "Community Meals", "BD-1800"), ("BH", "Housing", null), ("BH-1800", "Emergency Shelter", "BH"),
        ("BH-1800.8500", "Domestic Violence Shelters", "BH-1800"), ("RP", "Mental Health Care", null),
        ("RP-1400", "Counseling", "RP"), ("RP-1400.8000", "Grief Counseling", "RP-1400"), ("RP-1500", "Crisis Intervention", "RP"),
    ];

    private void AddTaxonomies()
    {
        AddTaxonomy(KithVocabulary.NeedsTaxonomyId, "Kith needs", KithVocabulary.Needs, "kith-needs");
        AddTaxonomy(KithVocabulary.DeliveryTaxonomyId, "Kith delivery", KithVocabulary.Delivery, "kith-delivery");
        AddTaxonomy(KithVocabulary.AccessibilityTaxonomyId, "Kith accessibility", KithVocabulary.AccessibilityFeatures, "kith-accessibility");
        var topics = new Taxonomy
        {
            Id = StableId.For($"generated:{seed}:taxonomy:topics"), Name = "Community Topics", Description = "A three-level topic taxonomy.",
            Uri = "https://taxonomy.example.org/topics", Version = "2.1",
        };
        Taxonomies.Add(topics);
        foreach (var (code, name, parent) in Topics)
            TaxonomyTerms.Add(new()
            {
                Id = TopicId(code), Code = code, Name = name, Description = $"{name} ({code}).", ParentId = parent is null ? null : TopicId(parent),
                Taxonomy = "Community Topics", Language = "en", TaxonomyId = topics.Id, TermUri = $"https://taxonomy.example.org/topics/{code}",
            });
    }

    private string TopicId(string code) => StableId.For($"generated:{seed}:topic:{code}");

    private void AddTaxonomy(string id, string name, IReadOnlyList<VocabularyTerm> terms, string slug)
    {
        Taxonomies.Add(new() { Id = id, Name = name, Description = $"{name}, Kith's own vocabulary.", Uri = $"https://kith.example.org/taxonomies/{slug}", Version = "1" });
        foreach (var t in terms)
            TaxonomyTerms.Add(new()
            {
                Id = t.Id, Code = t.Code, Name = t.Name, Description = t.Name + ".", TaxonomyId = id, Taxonomy = name, Language = "en",
                ParentId = t.ParentCode is null ? null : terms.First(p => p.Code == t.ParentCode).Id,
            });
    }

    // ---- organizations and locations ------------------------------------------------------------

    private static readonly string[] Places = ["Riverbend", "Millbrook", "Cedar Falls", "Oak Hollow", "Northfield", "Lakeside", "Elm Grove", "Stonebridge"];
    private static readonly string[] Kinds = ["Family Services", "Community Health Centre", "Youth Trust", "Food Bank", "Counselling Collective",
        "Veterans Association", "Women's Refuge", "Library", "Farmers' Network", "Senior Centre"];
    private static readonly string[] Streets = ["Main Street", "Mill Road", "Church Lane", "River Walk", "Station Road", "Maple Avenue", "High Street"];

    private void AddOrganization(int i)
    {
        var place = Pick(Places);
        var kind = Kinds[i % Kinds.Length];
        var slug = $"{place}-{kind}".ToLowerInvariant().Replace(" ", "-").Replace("'", "");
        var org = new DirectoryOrganization
        {
            Id = NewId("org"), Name = $"{place} {kind}", AlternateName = Chance(0.3) ? $"{place[..3].ToUpperInvariant()} {kind.Split(' ')[0]}" : null,
            Description = $"{place} {kind} has served the community since {1950 + i % 70}.", Email = $"hello@{slug}.example.org",
            Website = $"https://{slug}.example.org", TaxStatus = Chance(0.3) ? "501(c)(3)" : null, TaxId = Chance(0.3) ? $"{rng.Next(10, 99)}-{rng.Next(1000000, 9999999)}" : null,
            YearIncorporated = 1950 + i % 70, LegalStatus = Pick(["Charity", "Non-profit corporation", "Public body", "Cooperative"]),
            Logo = Chance(0.5) ? $"https://{slug}.example.org/logo.png" : null, Uri = $"https://directory.example.org/orgs/{i}",
            ParentOrganizationId = i > 4 && Chance(0.15) ? Organizations[rng.Next(Organizations.Count)].Id : null,
            KithOrganisationId = Chance(0.5) ? new Guid(Bytes(16)) : null,
        };
        Organizations.Add(org);
        OrganizationIdentifiers.Add(new() { Id = NewId("orgid"), OrganizationId = org.Id, IdentifierScheme = "US-EIN", IdentifierType = "Employer Identification Number", Identifier = $"{rng.Next(10, 99)}-{rng.Next(1000000, 9999999)}" });
        AddPhone(p => p.OrganizationId = org.Id, "Main office");
        var contact = AddContact(c => c.OrganizationId = org.Id, slug);
        AddPhone(p => p.ContactId = contact.Id, "Direct line");
        if (Chance(0.6)) Funding.Add(new() { Id = NewId("funding"), OrganizationId = org.Id, Source = Pick(["County grant", "Donations", "State health department", "United Way"]) });
        if (i % 2 == 0) Programs.Add(new() { Id = NewId("program"), OrganizationId = org.Id, Name = $"{place} Wellbeing Programme", AlternateName = Chance(0.5) ? "Wellbeing" : null, Description = "Services that keep people connected and well." });
        var locations = 1 + rng.Next(2);
        for (var l = 0; l < locations; l++) AddLocation(org, place, l);
    }

    private void AddLocation(DirectoryOrganization org, string place, int n)
    {
        var type = n == 1 && Chance(0.4) ? "virtual" : Chance(0.1) ? "postal" : "physical";
        var location = new Location
        {
            Id = NewId("location"), LocationType = type, OrganizationId = org.Id, Name = type == "virtual" ? $"{org.Name} online" : $"{org.Name}, {place}",
            AlternateName = Chance(0.2) ? $"{place} site {n + 1}" : null, Description = Chance(0.8) ? "Ground floor, ask at reception." : null,
            Url = type == "virtual" ? $"https://meet.example.org/{Locations.Count}" : null,
            Transportation = type == "physical" && Chance(0.6) ? $"Bus {rng.Next(1, 40)} stops outside." : null,
            Confidential = type == "physical" && Chance(0.1),
            ExternalIdentifier = Chance(0.3) ? $"UPRN{rng.Next(100000, 999999)}" : null,
        };
        location.ExternalIdentifierType = location.ExternalIdentifier is null ? null : "UPRN";
        if (type == "physical" && Chance(0.9))
        {
            location.Latitude = Math.Round(44.95 + rng.NextDouble() * 0.2 - 0.1, 6);
            location.Longitude = Math.Round(-93.10 + rng.NextDouble() * 0.2 - 0.1, 6);
        }
        Locations.Add(location);
        if (type != "virtual")
            Addresses.Add(new()
            {
                Id = NewId("address"), LocationId = location.Id, Attention = Chance(0.2) ? "Front desk" : null,
                Address1 = $"{rng.Next(1, 400)} {Pick(Streets)}", Address2 = Chance(0.2) ? $"Suite {rng.Next(1, 30)}" : null, City = place,
                Region = Chance(0.3) ? "Ramsey County" : null, StateProvince = "MN", PostalCode = $"551{rng.Next(0, 3):00}", Country = "US", AddressType = type,
            });
        if (type == "physical")
        {
            foreach (var feature in KithVocabulary.AccessibilityFeatures.OrderBy(_ => rng.Next()).Take(rng.Next(3)))
            {
                Accessibility.Add(new() { Id = NewId("access"), LocationId = location.Id, Description = feature.Name, Details = Chance(0.5) ? "Ask staff for help." : null, Url = Chance(0.3) ? "https://access.example.org" : null });
                Attributes.Add(new() { Id = NewId("attr"), LinkId = location.Id, LinkEntity = "location", LinkType = "accessibility", TaxonomyTermId = feature.Id });
            }
        }
        AddLanguages(l => l.LocationId = location.Id);
        AddPhone(p => p.LocationId = location.Id, "Reception");
        AddSchedule(s => s.LocationId = location.Id);
        if (Chance(0.3)) AddContact(c => c.LocationId = location.Id, "site");
        if (Chance(0.3)) AddMetadata(location.Id, "location", "name", location.Name + " (old)", location.Name!);
    }

    // ---- services -------------------------------------------------------------------------------

    private static readonly string[] ServiceNames = ["Walk-in Counselling", "Crisis Text Support", "Grief Circle", "Youth Drop-in", "Food Pantry",
        "Emergency Shelter", "Peer Support Group", "Veterans Coffee Morning", "Farm Stress Helpline", "Parenting Workshop",
        "Community Meals", "Senior Befriending", "Substance Use Recovery Group", "Mental Health First Aid Training", "Childcare Support"];

    private void AddService(DirectoryOrganization org, int i)
    {
        var name = ServiceNames[i % ServiceNames.Length];
        var status = Chance(0.85) ? "active" : Pick(["inactive", "defunct", "temporarily closed"]);
        var service = new Service
        {
            Id = NewId("service"), OrganizationId = org.Id, ProgramId = Programs.FirstOrDefault(p => p.OrganizationId == org.Id && Chance(0.6))?.Id,
            Name = i < ServiceNames.Length || Chance(0.5) ? name : $"{name} {i}", AlternateName = Chance(0.3) ? name.Split(' ')[0] : null,
            Description = $"{name} offered by {org.Name}. Free, friendly and confidential.", Url = Chance(0.7) ? $"https://services.example.org/{i}" : null,
            Email = Chance(0.6) ? $"service{i}@services.example.org" : null, Status = status,
            InterpretationServices = Chance(0.3) ? "Interpreters for Spanish and Somali on request." : null,
            ApplicationProcess = Pick(["Walk in.", "Call to book.", "Referral from a GP or school counsellor.", "Text START to 741741."]),
            FeesDescription = Chance(0.5) ? "Free." : "Sliding scale based on income.", WaitTime = Chance(0.3) ? $"{rng.Next(1, 6)} weeks" : null,
            Fees = Chance(0.2) ? "See fees_description." : null, Accreditations = Chance(0.3) ? "Accredited by the State Board of Behavioral Health." : null,
            EligibilityDescription = Chance(0.5) ? "Anyone living in the county." : null, MinimumAge = Chance(0.4) ? rng.Next(0, 18) : null,
            MaximumAge = Chance(0.3) ? rng.Next(25, 100) : null, AssuredDate = DateOnly.FromDateTime(AsOf.AddDays(-rng.Next(0, 400))),
            AssurerEmail = Chance(0.5) ? "assurer@kith.example.org" : null, Licenses = Chance(0.1) ? "State licence 4411." : null,
            Alert = Chance(0.1) ? "Closed on public holidays." : null, LastModified = AsOf.AddMinutes(-rng.Next(0, 730 * 24 * 60)),
            AssuredBy = Chance(0.5) ? "Directory Team" : "import", Waitlist = Chance(0.2),
        };
        Services.Add(service);

        foreach (var location in Locations.Where(l => l.OrganizationId == org.Id).Where(_ => Chance(0.8)))
        {
            var sal = new ServiceAtLocation { Id = NewId("sal"), ServiceId = service.Id, LocationId = location.Id, Description = Chance(0.4) ? $"{name} at {location.Name}" : null };
            ServiceAtLocations.Add(sal);
            if (Chance(0.3)) AddPhone(p => p.ServiceAtLocationId = sal.Id, "Site line");
            if (Chance(0.3)) AddSchedule(s => s.ServiceAtLocationId = sal.Id);
            if (Chance(0.2)) AddPhone(p => p.ContactId = AddContact(c => c.ServiceAtLocationId = sal.Id, "site-lead").Id, "Mobile");
        }
        AddPhone(p => p.ServiceId = service.Id, "Bookings");
        AddSchedule(s => s.ServiceId = service.Id);
        AddLanguages(l => l.ServiceId = service.Id);
        if (Chance(0.6))
            ServiceAreas.Add(new()
            {
                Id = NewId("area"), ServiceId = service.Id, Name = Pick(Places) + " and surrounds", Description = Chance(0.5) ? "Within the county line." : null,
                Extent = Chance(0.5) ? "{\"type\":\"Polygon\",\"coordinates\":[[[-93.2,44.9],[-93.0,44.9],[-93.0,45.0],[-93.2,44.9]]]}" : null,
                ExtentType = "geojson", Uri = Chance(0.3) ? "https://areas.example.org/county" : null,
            });
        if (Chance(0.5)) Funding.Add(new() { Id = NewId("funding"), ServiceId = service.Id, Source = Pick(["Lottery fund", "County grant", "Private donors"]) });
        if (Chance(0.5))
            CostOptions.Add(new()
            {
                Id = NewId("cost"), ServiceId = service.Id, ValidFrom = new DateOnly(2025, 1, 1), ValidTo = Chance(0.5) ? new DateOnly(2026, 12, 31) : null,
                Option = Pick(["Per session", "Per month", "Concession"]), Currency = "USD", Amount = Math.Round((decimal)rng.NextDouble() * 80, 2),
                AmountDescription = Chance(0.5) ? "Reduced for students." : null,
            });
        if (Chance(0.4)) RequiredDocuments.Add(new() { Id = NewId("doc"), ServiceId = service.Id, Document = Pick(["Photo ID", "Proof of address", "Referral letter"]), Uri = Chance(0.5) ? "https://docs.example.org/id" : null });
        if (Chance(0.5)) AddPhone(p => p.ContactId = AddContact(c => c.ServiceId = service.Id, "lead").Id, "Office");
        if (Chance(0.3))
            Capacities.Add(new()
            {
                Id = NewId("capacity"), ServiceId = service.Id, Unit = Pick(["beds", "appointments this week", "places"]), Available = rng.Next(0, 10),
                Maximum = Chance(0.8) ? rng.Next(10, 30) : null, Description = Chance(0.5) ? "Updated each morning." : null, Updated = AsOf.AddHours(-rng.Next(1, 200)),
            });
        foreach (var need in KithVocabulary.Needs.OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)))
            Attributes.Add(new() { Id = NewId("attr"), LinkId = service.Id, LinkEntity = "service", LinkType = "need", TaxonomyTermId = need.Id, Value = Chance(0.2) ? "primary" : null });
        Attributes.Add(new() { Id = NewId("attr"), LinkId = service.Id, LinkEntity = "service", LinkType = "delivery", TaxonomyTermId = Pick(KithVocabulary.Delivery.ToArray()).Id });
        if (Chance(0.5))
            Attributes.Add(new() { Id = NewId("attr"), LinkId = service.Id, LinkEntity = "service", LinkType = "topic", TaxonomyTermId = TopicId(Pick(Topics).Code) });
        if (Chance(0.3)) AddMetadata(service.Id, "service", "name", name + " (draft)", service.Name);
    }

    // ---- shared children ------------------------------------------------------------------------

    private Phone AddPhone(Action<Phone> link, string description)
    {
        var phone = new Phone
        {
            Id = NewId("phone"), Number = $"651-555-{rng.Next(0, 10000):0000}", Extension = Chance(0.2) ? rng.Next(10, 999) : null,
            Type = Pick(["voice", "text", "fax", "cell"]), Description = description,
        };
        link(phone);
        Phones.Add(phone);
        if (Chance(0.3)) AddLanguages(l => l.PhoneId = phone.Id);
        return phone;
    }

    private Contact AddContact(Action<Contact> link, string who)
    {
        var first = Pick(["Ana", "Hodan", "Liam", "Grace", "Mohamed", "Rosa", "Tom", "Yusuf"]);
        var contact = new Contact
        {
            Id = NewId("contact"), Name = $"{first} {Pick(["Garcia", "Ali", "Olsen", "Nguyen", "Farah", "Smith"])}",
            Title = Pick(["Coordinator", "Manager", "Volunteer lead"]), Department = Chance(0.5) ? "Outreach" : null,
            Email = $"{first.ToLowerInvariant()}.{who}@contacts.example.org",
        };
        link(contact);
        Contacts.Add(contact);
        return contact;
    }

    private static readonly (string Code, string Name)[] LanguageCodes = [("en", "English"), ("es", "Spanish"), ("so", "Somali"), ("hmn", "Hmong"), ("vi", "Vietnamese")];

    private void AddLanguages(Action<Language> link)
    {
        foreach (var (code, name) in LanguageCodes.OrderBy(_ => rng.Next()).Take(rng.Next(3)))
        {
            var language = new Language { Id = NewId("language"), Code = code, Name = name, Note = Chance(0.2) ? "Interpreter on Tuesdays." : null };
            link(language);
            Languages.Add(language);
        }
    }

    private void AddSchedule(Action<Schedule> link)
    {
        var weekly = Chance(0.7);
        var opens = new TimeOnly(rng.Next(7, 12), Chance(0.5) ? 0 : 30);
        var schedule = new Schedule
        {
            Id = NewId("schedule"), Freq = weekly ? "WEEKLY" : "MONTHLY", Interval = Chance(0.8) ? 1 : 2, Wkst = "MO",
            Byday = weekly ? Pick(["MO,WE,FR", "TU,TH", "MO,TU,WE,TH,FR", "SA"]) : Pick(["1MO", "2TU", "-1FR"]),
            Bymonthday = !weekly && Chance(0.2) ? "15" : null, Byweekno = weekly && Chance(0.1) ? "1,2,3" : null, Byyearday = Chance(0.05) ? "1,100" : null,
            Dtstart = new DateOnly(2025, 1, rng.Next(1, 28)), Until = Chance(0.3) ? new DateOnly(2026, 12, 31) : null, Count = Chance(0.2) ? rng.Next(5, 50) : null,
            Timezone = -6, ValidFrom = new DateOnly(2025, 1, 1), ValidTo = Chance(0.3) ? new DateOnly(2026, 6, 30) : null,
            OpensAt = opens, ClosesAt = opens.AddHours(rng.Next(2, 9)), Description = Chance(0.5) ? "Open for drop-in and booked sessions." : null,
            ScheduleLink = Chance(0.2) ? "https://book.example.org" : null, AttendingType = Pick(["in person", "online", "phone"]),
            Notes = Chance(0.2) ? "Closed on public holidays." : null,
        };
        link(schedule);
        Schedules.Add(schedule);
    }

    private void AddMetadata(string resourceId, string type, string field, string previous, string replacement) =>
        Metadata.Add(new()
        {
            Id = NewId("metadata"), ResourceId = resourceId, ResourceType = type, LastActionDate = DateOnly.FromDateTime(AsOf.AddDays(-rng.Next(1, 300))),
            LastActionType = "update", FieldName = field, PreviousValue = previous, ReplacementValue = replacement, UpdatedBy = "Directory Team",
        });

    private string NewId(string kind) => StableId.For($"generated:{seed}:{kind}:{counter++}");
    private bool Chance(double p) => rng.NextDouble() < p;
    private T Pick<T>(T[] items) => items[rng.Next(items.Length)];
    private byte[] Bytes(int n) { var b = new byte[n]; rng.NextBytes(b); return b; }
}
