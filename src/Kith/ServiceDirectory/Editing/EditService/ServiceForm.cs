using System.Globalization;

namespace Kith.ServiceDirectory.Editing.EditService;

/// <summary>
/// The service editor's fields, read straight from the posted form: the form has repeated rows (phones,
/// locations) and checkbox lists, so it uses plain field names rather than component binding. Every value
/// stays text until <see cref="ServiceRules"/> has checked it, so a wrong number comes back as a message.
/// </summary>
public sealed class ServiceForm
{
    public const int BlankPhoneRows = 1;

    public string OrganizationId { get; set; } = "";
    public string Name { get; set; } = "";
    public string AlternateName { get; set; } = "";
    public string Description { get; set; } = "";
    public string Status { get; set; } = "active";
    public string Url { get; set; } = "";
    public string Email { get; set; } = "";
    public string EligibilityDescription { get; set; } = "";
    public string MinimumAge { get; set; } = "";
    public string MaximumAge { get; set; } = "";
    public string FeesDescription { get; set; } = "";
    public bool Free { get; set; }
    public string ApplicationProcess { get; set; } = "";
    public string WaitTime { get; set; } = "";
    public string Alert { get; set; } = "";
    public string InterpretationServices { get; set; } = "";
    public List<string> Needs { get; set; } = [];
    public List<string> Delivery { get; set; } = [];
    /// <summary>ISO 639-1 codes: the three Kith speaks plus any others typed in.</summary>
    public List<string> Languages { get; set; } = [];
    public string OtherLanguages { get; set; } = "";
    public List<PhoneRow> Phones { get; set; } = [];
    public Dictionary<string, DayHours> Hours { get; set; } = WeeklyHours.Days.ToDictionary(d => d, _ => new DayHours());
    public List<LocationRow> Locations { get; set; } = [];
    public string CapacityUnit { get; set; } = "";
    public string CapacityAvailable { get; set; } = "";
    public string CapacityMaximum { get; set; } = "";
    public bool Waitlist { get; set; }

    public static ServiceForm Read(IFormCollection f)
    {
        var form = new ServiceForm
        {
            OrganizationId = Text(f, "organization"),
            Name = Text(f, "name"),
            AlternateName = Text(f, "alternate_name"),
            Description = Text(f, "description"),
            Status = Text(f, "status"),
            Url = Text(f, "url"),
            Email = Text(f, "email"),
            EligibilityDescription = Text(f, "eligibility_description"),
            MinimumAge = Text(f, "minimum_age"),
            MaximumAge = Text(f, "maximum_age"),
            FeesDescription = Text(f, "fees_description"),
            Free = Checked(f, "free"),
            ApplicationProcess = Text(f, "application_process"),
            WaitTime = Text(f, "wait_time"),
            Alert = Text(f, "alert"),
            InterpretationServices = Text(f, "interpretation_services"),
            Needs = Values(f, "needs"),
            Delivery = Values(f, "delivery"),
            Languages = Values(f, "languages"),
            OtherLanguages = Text(f, "other_languages"),
            CapacityUnit = Text(f, "capacity_unit"),
            CapacityAvailable = Text(f, "capacity_available"),
            CapacityMaximum = Text(f, "capacity_maximum"),
            Waitlist = Checked(f, "waitlist"),
        };
        foreach (var day in WeeklyHours.Days)
            form.Hours[day] = new DayHours { Mode = Text(f, $"hours.{day}"), Opens = Text(f, $"hours.{day}.opens"), Closes = Text(f, $"hours.{day}.closes") };
        for (var i = 0; i < 50 && f.ContainsKey($"phone[{i}].number"); i++)
            form.Phones.Add(new PhoneRow { Number = Text(f, $"phone[{i}].number"), Type = Text(f, $"phone[{i}].type"), Description = Text(f, $"phone[{i}].description") });
        for (var i = 0; i < 20 && f.Keys.Any(k => k.StartsWith($"location[{i}].", StringComparison.Ordinal)); i++)
        {
            string L(string field) => Text(f, $"location[{i}].{field}");
            form.Locations.Add(new LocationRow
            {
                Id = L("id"), Name = L("name"), Address1 = L("address_1"), City = L("city"), State = L("state"), PostalCode = L("postal_code"),
                Country = L("country"), Latitude = L("latitude"), Longitude = L("longitude"), Transportation = L("transportation"),
                Accessibility = Values(f, $"location[{i}].accessibility"), Confidential = Checked(f, $"location[{i}].confidential"),
                Remove = Checked(f, $"location[{i}].remove"),
            });
        }
        return form;
    }

    /// <summary>Rows a person left empty (the spare row at the end of each list) are not records.</summary>
    public IEnumerable<PhoneRow> FilledPhones => Phones.Where(p => p.Number.Length > 0);
    public IEnumerable<LocationRow> KeptLocations => Locations.Where(l => !l.Remove && (l.Id.Length > 0 || !l.IsBlank));

    /// <summary>The languages as ISO 639-1 codes, lower case and distinct, ticked ones first.</summary>
    public IReadOnlyList<string> LanguageCodes =>
        Languages.Concat(OtherLanguages.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Select(c => c.Trim().ToLowerInvariant()).Distinct().ToList();

    private static string Text(IFormCollection f, string key) => (f[key].FirstOrDefault() ?? "").Trim();
    private static bool Checked(IFormCollection f, string key) => f[key].Any(v => v is "true" or "on");
    private static List<string> Values(IFormCollection f, string key) =>
        f[key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();

    internal static string Number(decimal? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
    internal static string Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
}

public sealed class PhoneRow
{
    public static readonly IReadOnlyList<string> Types = ["voice", "text", "fax"];
    public string Number { get; set; } = "";
    public string Type { get; set; } = "voice";
    public string Description { get; set; } = "";
}

public sealed class DayHours
{
    public const string Closed = "closed", Open = "open", AllDay = "24h";
    public string Mode { get; set; } = Closed;
    public string Opens { get; set; } = "";
    public string Closes { get; set; } = "";
}

public sealed class LocationRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Address1 { get; set; } = "";
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
    public string Latitude { get; set; } = "";
    public string Longitude { get; set; } = "";
    public string Transportation { get; set; } = "";
    public List<string> Accessibility { get; set; } = [];
    public bool Confidential { get; set; }
    public bool Remove { get; set; }
    /// <summary>The Kith organisation that may change the place (null: administrators only); read from the database, never posted.</summary>
    public Guid? ManagedBy { get; set; }
    /// <summary>Who keeps the place's details, as the form names them when someone else may only link to it.</summary>
    public string ManagerName { get; set; } = "";
    /// <summary>Set per viewer: the place belongs to another organisation, so this person may link to it or unlink it, not change it.</summary>
    public bool Locked { get; set; }

    public bool HasAddress => Address1.Length + City.Length + State.Length + PostalCode.Length > 0;
    public bool IsBlank => Name.Length == 0 && !HasAddress && Latitude.Length == 0 && Longitude.Length == 0 && Transportation.Length == 0;
}
