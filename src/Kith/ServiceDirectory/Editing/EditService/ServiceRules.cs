using System.Globalization;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Editing.UpdateCapacity;

namespace Kith.ServiceDirectory.Editing.EditService;

/// <summary>
/// Checks a posted service form without the database. Messages are English text and translation keys;
/// each is reported against the field it concerns. Valid times are rewritten as HH:mm so a later
/// comparison sees "9:00" and "09:00" as the same.
/// </summary>
internal static class ServiceRules
{
    public static readonly IReadOnlyList<string> Statuses = ["active", "inactive", "defunct", "temporarily closed"];
    public static readonly IReadOnlyList<(string Code, string Name)> KithLanguages = [("en", "English"), ("es", "Spanish"), ("so", "Somali")];

    public static Dictionary<string, string[]> Validate(ServiceForm f)
    {
        var errors = new Dictionary<string, string[]>();
        if (f.Name.Length == 0) errors["name"] = ["Enter the service's name."];
        else if (f.Name.Length > 200) errors["name"] = ["The name can be at most 200 characters."];
        if (f.AlternateName.Length > 200) errors["alternate_name"] = ["The other name can be at most 200 characters."];
        if (!Statuses.Contains(f.Status)) errors["status"] = ["Choose whether the service is active, inactive, temporarily closed or defunct."];
        if (f.Url.Length > 0 && (f.Url.Length > 500 || !Uri.TryCreate(f.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            errors["url"] = ["The website must be a full http:// or https:// address (at most 500 characters)."];
        if (f.Email.Length > 0 && (f.Email.Length > 200 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(f.Email)))
            errors["email"] = ["Enter a valid email address (at most 200 characters)."];
        foreach (var (key, value) in new[] { ("description", f.Description), ("eligibility_description", f.EligibilityDescription), ("fees_description", f.FeesDescription),
                     ("application_process", f.ApplicationProcess), ("wait_time", f.WaitTime), ("alert", f.Alert), ("interpretation_services", f.InterpretationServices) })
            if (value.Length > 4000) errors[key] = ["Each text can be at most 4000 characters."];
        var min = Age(f.MinimumAge, "minimum_age", errors);
        var max = Age(f.MaximumAge, "maximum_age", errors);
        if (min is not null && max is not null && min > max) errors["maximum_age"] = ["The maximum age cannot be below the minimum age."];
        if (f.Needs.Any(n => KithVocabulary.Needs.All(t => t.Code != n)) || f.Delivery.Any(d => KithVocabulary.Delivery.All(t => t.Code != d)))
            errors["needs"] = ["Choose needs and ways of delivery from the lists."];
        if (f.LanguageCodes.Any(c => c.Length != 2 || !c.All(char.IsAsciiLetterLower)))
            errors["languages"] = ["Other languages must be two-letter ISO 639-1 codes separated by commas, e.g. ar, vi."];
        ValidatePhones(f, errors);
        ValidateHours(f, errors);
        // A place another organisation keeps is checked by SharedLocations, not here: its keeper's data is not theirs to fix.
        foreach (var (row, i) in f.Locations.Select((l, i) => (l, i)).Where(x => !x.l.Remove && !x.l.IsBlank && !x.l.Locked))
            ValidateLocation(row, $"location[{i}]", errors);
        if (f.KeptLocations.Count() > 20)
            errors["location"] = ["A service can have at most 20 locations."];
        foreach (var (key, messages) in CapacityRules.Validate(f.CapacityUnit, f.CapacityAvailable, f.CapacityMaximum, optional: true, out _, out _))
            errors[key] = messages;
        return errors;
    }

    private static decimal? Age(string text, string key, Dictionary<string, string[]> errors)
    {
        if (text.Length == 0) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var age) && age is >= 0 and <= 130) return age;
        errors[key] = ["Ages must be numbers from 0 to 130."];
        return null;
    }

    private static void ValidatePhones(ServiceForm f, Dictionary<string, string[]> errors)
    {
        foreach (var (p, i) in f.Phones.Select((p, i) => (p, i)).Where(x => x.p.Number.Length > 0))
        {
            if (p.Number.Length > 50 || !p.Number.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.'))
                errors[$"phone[{i}].number"] = ["A phone number may hold digits, spaces and + - ( ) . (at most 50 characters)."];
            if (!PhoneRow.Types.Contains(p.Type)) errors[$"phone[{i}].type"] = ["Choose whether a number is for voice calls, text messages or fax."];
            if (p.Description.Length > 200) errors[$"phone[{i}].description"] = ["A phone's note can be at most 200 characters."];
        }
    }

    private static void ValidateHours(ServiceForm f, Dictionary<string, string[]> errors)
    {
        foreach (var day in WeeklyHours.Days)
        {
            var h = f.Hours[day];
            if (h.Mode is not (DayHours.Closed or DayHours.Open or DayHours.AllDay))
            {
                errors[$"hours.{day}"] = ["Choose closed, open or 24 hours for each day."];
                continue;
            }
            if (h.Mode != DayHours.Open) continue;
            var opens = WeeklyHours.Parse(h.Opens);
            var closes = WeeklyHours.Parse(h.Closes);
            if (opens is null || closes is null) errors[$"hours.{day}"] = ["Give opening and closing times as hours and minutes, e.g. 09:00 and 17:00."];
            else if (closes <= opens) errors[$"hours.{day}"] = ["A closing time must be after the opening time (for overnight hours choose 24 hours)."];
            else (h.Opens, h.Closes) = (opens.Value.ToString("HH:mm", CultureInfo.InvariantCulture), closes.Value.ToString("HH:mm", CultureInfo.InvariantCulture));
        }
    }

    private static void ValidateLocation(LocationRow l, string prefix, Dictionary<string, string[]> errors)
    {
        if (l.Name.Length > 200 || l.Address1.Length > 200 || l.City.Length > 100 || l.State.Length > 100 || l.PostalCode.Length > 20 || l.Transportation.Length > 2000)
            errors[$"{prefix}.name"] = ["A location's texts are too long (names and streets 200 characters, city and state 100, postal code 20)."];
        if (l.HasAddress && (l.Address1.Length == 0 || l.City.Length == 0 || l.State.Length == 0 || l.PostalCode.Length == 0))
            errors[$"{prefix}.address_1"] = ["An address needs a street, city, state and postal code."];
        if (l.HasAddress && (l.Country.Length != 2 || !l.Country.All(char.IsAsciiLetter)))
            errors[$"{prefix}.country"] = ["The country must be a two-letter code, e.g. US."];
        var lat = Coordinate(l.Latitude, 90);
        var lon = Coordinate(l.Longitude, 180);
        if ((l.Latitude.Length > 0 && lat is null) || (l.Longitude.Length > 0 && lon is null) || (lat is null) != (lon is null))
            errors[$"{prefix}.latitude"] = ["Give both latitude and longitude as decimal degrees (latitude −90 to 90, longitude −180 to 180), or neither."];
        if (l.Accessibility.Any(a => KithVocabulary.AccessibilityFeatures.All(t => t.Code != a)))
            errors[$"{prefix}.accessibility"] = ["Choose accessibility features from the list."];
    }

    public static double? Coordinate(string text, double limit) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && Math.Abs(v) <= limit ? v : null;

    public static decimal? Decimal(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static string? Clean(string value) => value.Length == 0 ? null : value;
}
