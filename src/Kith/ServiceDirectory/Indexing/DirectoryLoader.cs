using System.Globalization;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Search;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Indexing;

/// <summary>
/// Reads the HSDS tables once and flattens each active service into what search needs (a
/// <see cref="SearchDocument"/>) and what a result shows (a <see cref="ServiceCard"/>). The rules that turn
/// HSDS rows into search facts live here, in one place:
/// <list type="bullet">
/// <item>needs, delivery and accessibility come from HSDS attributes linking to Kith's taxonomies; delivery is
/// also inferred (a physical location means in person, a voice phone means by phone, a text phone by text);</item>
/// <item>free = no cost option charges anything and either one says 0 or the fees text says free;</item>
/// <item>served areas = the areas of its locations and of service areas naming an area; a service with no
/// location, or a service area naming none of the areas (e.g. "Riverbend County"), serves every area;</item>
/// <item>schedules without an HSDS UTC offset use the deployment time zone (<c>Kith:TimeZone</c>).</item>
/// </list>
/// </summary>
internal sealed class DirectoryLoader(KithDb db, ICommunityFacts community)
{
    public async Task<(List<SearchDocument> Documents, Dictionary<string, ServiceCard> Cards, IReadOnlyList<AreaFact> Areas, List<CategoryFact> Categories)> LoadAsync(
        string deploymentTimeZone, CancellationToken ct)
    {
        var areas = await community.AreasAsync(ct);
        var areaNames = areas.ToDictionary(a => a.Id.ToString(), a => a.Name);
        var areaByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in areas) { areaByName[a.Name] = a.Id.ToString(); areaByName[a.Code] = a.Id.ToString(); }
        var allAreaIds = areas.Select(a => a.Id.ToString()).ToList();
        var locator = new AreaLocator(areas);

        var services = await db.Services.AsNoTracking().Where(s => s.Status == "active").ToListAsync(ct);
        var organizations = await db.DirectoryOrganizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var kithOwners = await db.DirectoryOrganizations.AsNoTracking().Where(o => o.KithOrganisationId != null)
            .ToDictionaryAsync(o => o.Id, o => o.KithOrganisationId, ct);
        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Select(t => new CategoryFact(t.Id, t.Code, t.Name, t.ParentId, t.TaxonomyId)).ToDictionaryAsync(t => t.Id, ct);
        var attributes = (await db.HsdsAttributes.AsNoTracking()
                .Select(a => new { a.LinkId, a.LinkEntity, a.TaxonomyTermId }).ToListAsync(ct))
            .ToLookup(a => a.LinkId);
        var links = (await db.ServiceAtLocations.AsNoTracking().Select(x => new { x.Id, x.ServiceId, x.LocationId }).ToListAsync(ct))
            .ToLookup(x => x.ServiceId);
        var locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, ct);
        var addresses = (await db.Addresses.AsNoTracking().ToListAsync(ct)).ToLookup(a => a.LocationId ?? "");
        var accessibility = (await db.Accessibility.AsNoTracking().Select(a => new { a.Id, a.LocationId }).ToListAsync(ct)).ToLookup(a => a.LocationId ?? "");
        var languages = await db.Languages.AsNoTracking().Select(l => new { l.ServiceId, l.LocationId, l.PhoneId, l.Code, l.Name }).ToListAsync(ct);
        var languagesByService = languages.Where(l => l.ServiceId != null).ToLookup(l => l.ServiceId!);
        var languagesByLocation = languages.Where(l => l.LocationId != null).ToLookup(l => l.LocationId!);
        var phones = await db.Phones.AsNoTracking().Select(p => new { p.Id, p.ServiceId, p.LocationId, p.ServiceAtLocationId, p.Number, p.Type, p.Description }).ToListAsync(ct);
        var languagesByPhone = languages.Where(l => l.PhoneId != null).ToLookup(l => l.PhoneId!);
        var phonesByService = phones.Where(p => p.ServiceId != null).ToLookup(p => p.ServiceId!);
        var phonesByLocation = phones.Where(p => p.LocationId != null).ToLookup(p => p.LocationId!);
        var phonesByLink = phones.Where(p => p.ServiceAtLocationId != null).ToLookup(p => p.ServiceAtLocationId!);
        var schedules = await db.Schedules.AsNoTracking().ToListAsync(ct);
        var schedulesByService = schedules.Where(s => s.ServiceId != null).ToLookup(s => s.ServiceId!);
        var schedulesByLink = schedules.Where(s => s.ServiceAtLocationId != null).ToLookup(s => s.ServiceAtLocationId!);
        var schedulesByLocation = schedules.Where(s => s.LocationId != null && s.ServiceId == null && s.ServiceAtLocationId == null).ToLookup(s => s.LocationId!);
        var costs = (await db.CostOptions.AsNoTracking().Select(c => new { c.ServiceId, c.Amount }).ToListAsync(ct)).ToLookup(c => c.ServiceId);
        var serviceAreas = (await db.ServiceAreas.AsNoTracking().Select(a => new { a.ServiceId, a.Name }).ToListAsync(ct)).ToLookup(a => a.ServiceId ?? "");
        var capacities = (await db.ServiceCapacities.AsNoTracking().Select(c => new { c.ServiceId, c.Available }).ToListAsync(ct)).ToLookup(c => c.ServiceId);
        var programs = await db.ServicePrograms.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        IEnumerable<string> WithAncestors(string termId)
        {
            for (var (id, depth) = (termId, 0); id != null && depth < 20 && terms.TryGetValue(id, out var t); id = t.ParentId!, depth++)
                yield return id;
        }
        string? KithCode(string termId, string taxonomyId) =>
            terms.TryGetValue(termId, out var t) && t.TaxonomyId == taxonomyId ? t.Code : null;

        var documents = new List<SearchDocument>(services.Count);
        var cards = new Dictionary<string, ServiceCard>(services.Count);
        foreach (var s in services)
        {
            var termIds = new HashSet<string>();
            var keywords = new List<string>();
            var needCodes = new List<string>();
            var delivery = Delivery.None;
            var access = new HashSet<string>();
            foreach (var a in attributes[s.Id])
            {
                if (KithCode(a.TaxonomyTermId, KithVocabulary.DeliveryTaxonomyId) is { } d) { delivery |= DeliveryFor(d); continue; }
                foreach (var id in WithAncestors(a.TaxonomyTermId))
                    if (termIds.Add(id)) keywords.Add(terms[id].Name);
                if (KithCode(a.TaxonomyTermId, KithVocabulary.NeedsTaxonomyId) is { } need) needCodes.Add(need);
            }
            if (s.ProgramId != null && programs.TryGetValue(s.ProgramId, out var program)) keywords.Add(program);

            var langs = new HashSet<string>();
            foreach (var l in languagesByService[s.Id]) if (LanguageCode(l.Code, l.Name) is { } c) langs.Add(c);

            var places = new List<SearchPlace>();
            var served = new HashSet<string>();
            var publicAddresses = new List<string>();
            var placeAreaNames = new List<string>();
            var rules = new List<OpeningRule>();
            var cardPhones = new List<CardPhone>();
            foreach (var p in phonesByService[s.Id]) AddPhone(p.Id, p.Number, p.Type, p.Description);

            var buildingHours = new List<OpeningRule>();
            var placed = false;
            foreach (var link in links[s.Id])
            {
                foreach (var r in schedulesByLink[link.Id]) rules.Add(Rule(r, deploymentTimeZone));
                foreach (var p in phonesByLink[link.Id]) AddPhone(p.Id, p.Number, p.Type, p.Description);
                if (!locations.TryGetValue(link.LocationId, out var loc)) continue;
                foreach (var l in languagesByLocation[loc.Id]) if (LanguageCode(l.Code, l.Name) is { } c) langs.Add(c);
                foreach (var p in phonesByLocation[loc.Id]) AddPhone(p.Id, p.Number, p.Type, p.Description);
                foreach (var acc in accessibility[loc.Id])
                    foreach (var a in attributes[acc.Id]) if (KithCode(a.TaxonomyTermId, KithVocabulary.AccessibilityTaxonomyId) is { } f) access.Add(f);
                foreach (var a in attributes[loc.Id]) if (KithCode(a.TaxonomyTermId, KithVocabulary.AccessibilityTaxonomyId) is { } f) access.Add(f);
                foreach (var r in schedulesByLocation[loc.Id]) buildingHours.Add(Rule(r, deploymentTimeZone));
                if (loc.LocationType == "virtual") { delivery |= Delivery.Video; continue; }
                if (loc.Latitude is not { } lat || loc.Longitude is not { } lon) continue;
                delivery |= Delivery.InPerson;
                placed = true;
                var address = addresses[loc.Id].FirstOrDefault(a => a.AddressType != "postal") ?? addresses[loc.Id].FirstOrDefault();
                var areaId = (loc.AreaId ?? locator.Find(lat, lon))?.ToString();
                if (areaId != null) { served.Add(areaId); placeAreaNames.Add(areaNames[areaId]); }
                // A confidential place is indexed at its public point and nowhere else (ADR 12): the true position
                // never enters the index, so no distance, radius, order or pin can be worked back to it. One
                // without a public point yet stays off the map (its area still counts).
                if (loc.Confidential)
                {
                    if (loc is { PublicLatitude: { } publicLat, PublicLongitude: { } publicLon })
                        places.Add(new SearchPlace(publicLat, publicLon, null, areaId, true));
                    continue;
                }
                places.Add(new SearchPlace(lat, lon, address?.PostalCode, areaId, false));
                if (address != null)
                    publicAddresses.Add(string.Join(", ", new[] { address.Address1, address.Address2, address.City, address.PostalCode }.Where(x => !string.IsNullOrWhiteSpace(x))));
            }
            foreach (var r in schedulesByService[s.Id]) rules.Add(Rule(r, deploymentTimeZone));
            // A service's own hours win; a building's opening hours stand in only when the service has none.
            if (rules.Count == 0) rules.AddRange(buildingHours);

            var coversAll = !placed;
            foreach (var area in serviceAreas[s.Id])
            {
                if (area.Name != null && areaByName.TryGetValue(area.Name.Trim(), out var id)) served.Add(id);
                else coversAll = true;
            }
            if (coversAll) served.UnionWith(allAreaIds);

            var charges = costs[s.Id].ToList();
            var free = charges.All(c => c.Amount is null or 0)
                       && (charges.Any(c => c.Amount == 0) || SaysFree(s.FeesDescription));
            var capacity = capacities[s.Id].ToList();
            var organizationName = organizations.GetValueOrDefault(s.OrganizationId);
            var isCrisisLine = termIds.Contains(KithVocabulary.NeedId("crisis-line"));

            documents.Add(new SearchDocument(s.Id, s.Name, s.AlternateName, s.Description, organizationName, keywords, termIds.ToList(),
                langs.ToList(), places, served.ToList(), rules, s.MinimumAge, s.MaximumAge, free, delivery, access.ToList(),
                capacity.Count == 0 ? null : (int)capacity.Sum(c => c.Available), s.Waitlist, s.AssuredDate, isCrisisLine));
            cards[s.Id] = new ServiceCard(s.Id, s.Name, organizationName, Summary(s.Description), s.Url, s.Email, cardPhones,
                publicAddresses, placeAreaNames.Distinct().ToList(), s.FeesDescription, s.Alert, needCodes)
                { KithOrganisationId = kithOwners.GetValueOrDefault(s.OrganizationId) };

            void AddPhone(string id, string number, string? type, string? description)
            {
                var kind = PhoneKind(type);
                delivery |= kind == "text" ? Delivery.Text : kind == "voice" ? Delivery.Phone : Delivery.None;
                foreach (var l in languagesByPhone[id]) if (LanguageCode(l.Code, l.Name) is { } c) langs.Add(c);
                if (cardPhones.All(p => p.Number != number || p.Type != kind)) cardPhones.Add(new CardPhone(number, kind, description));
            }
        }
        return (documents, cards, areas, terms.Values.ToList());
    }

    private static Delivery DeliveryFor(string code) => code switch
    {
        "in-person" => Delivery.InPerson, "phone" => Delivery.Phone, "text" => Delivery.Text, "video" => Delivery.Video, _ => Delivery.None,
    };

    /// <summary>HSDS phone types are free text in practice: fold the usual spellings into voice, text and fax.</summary>
    internal static string PhoneKind(string? type) => (type ?? "voice").Trim().ToLowerInvariant() switch
    {
        "text" or "sms" or "textphone" or "txt" => "text",
        "fax" => "fax",
        "video" => "video",
        _ => "voice",
    };

    /// <summary>The language key (ISO 639-1, else 639-3: see <see cref="LanguageCodes"/>) from HSDS <c>code</c> (639-1, 639-2/3 or a BCP 47 tag) or, failing that, the English name.</summary>
    internal static string? LanguageCode(string? code, string? name)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            if (LanguageCodes.Canonical(code) is { } key) return key;
        }
        if (string.IsNullOrWhiteSpace(name)) return null;
        return CultureInfo.GetCultures(CultureTypes.NeutralCultures)
            .FirstOrDefault(c => string.Equals(c.EnglishName, name.Trim(), StringComparison.OrdinalIgnoreCase) && c.TwoLetterISOLanguageName.Length == 2)
            ?.TwoLetterISOLanguageName;
    }

    private static bool SaysFree(string? fees) =>
        fees != null && (fees.Contains("free", StringComparison.OrdinalIgnoreCase) || fees.Contains("no cost", StringComparison.OrdinalIgnoreCase)
                         || fees.Contains("gratis", StringComparison.OrdinalIgnoreCase) || fees.Contains("bilaash", StringComparison.OrdinalIgnoreCase));

    internal static string? Summary(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return null;
        var text = description.Trim();
        if (text.Length <= 220) return text;
        var cut = text.LastIndexOf(' ', 217);
        return text[..(cut > 120 ? cut : 217)] + "…";
    }

    /// <summary>An HSDS schedule row as the opening-hours rules read it.</summary>
    internal static OpeningRule Rule(Schedule s, string deploymentTimeZone) => new(
        s.Freq?.Trim().ToUpperInvariant(), s.Interval is { } i && i >= 1 ? (int)i : 1, s.Byday, s.Bymonthday,
        s.Dtstart, s.Until, s.Count is { } c ? (int)c : null, s.ValidFrom, s.ValidTo, s.OpensAt, s.ClosesAt,
        ScheduleZone.Resolve(s.Timezone, deploymentTimeZone));
}
