using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>
/// Reads and writes one cell by its field's datapackage type and format. Reading says what is wrong in words a
/// data editor knows; writing gives the one form the specification names, so an export is byte-for-byte stable.
/// </summary>
internal static partial class HsdsValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The value for the field's property, or the reason the text does not fit (null text = empty cell).</summary>
    public static (object? Value, string? Problem) Parse(HsdsField field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, field.Required ? "a value is required" : null);
        var target = Nullable.GetUnderlyingType(field.Property.PropertyType) ?? field.Property.PropertyType;
        switch (field.Type)
        {
            case "number":
                if (!decimal.TryParse(text.Trim(), NumberStyles.Float, Invariant, out var number))
                    return (null, $"'{Shorten(text)}' is not a number");
                return (target == typeof(double) ? (double)number : number, null);
            case "date":
                return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var date)
                    ? (date, null) : (null, $"'{Shorten(text)}' is not a date (YYYY-MM-DD)");
            case "time":
                var time = TimePattern().Match(text.Trim());
                return time.Success && TimeOnly.TryParseExact(time.Groups["t"].Value, ["HH:mm", "HH:mm:ss"], Invariant, DateTimeStyles.None, out var t)
                    ? (t, null) : (null, $"'{Shorten(text)}' is not a time (HH:MM or HH:MM:SS)");
            case "datetime":
                return DateTimePattern().IsMatch(text.Trim()) && DateTimeOffset.TryParse(text.Trim(), Invariant, DateTimeStyles.AssumeUniversal, out var at)
                    ? (Microseconds(at.UtcDateTime), null) : (null, $"'{Shorten(text)}' is not a date and time (ISO 8601, e.g. 2024-05-01T09:30:00Z)");
        }
        var problem = field.Format switch
        {
            "uuid" when !Guid.TryParseExact(text.Trim(), "D", out _) => $"'{Shorten(text)}' is not a UUID",
            "email" when !MailAddress.TryCreate(text.Trim(), out var mail) || mail.Address != text.Trim() || !mail.Host.Contains('.') =>
                $"'{Shorten(text)}' is not an email address",
            "uri" when !Uri.TryCreate(text.Trim(), UriKind.Absolute, out _) => $"'{Shorten(text)}' is not a web address (URI)",
            _ => null,
        };
        return problem is null ? (field.Format is null ? text : text.Trim(), null) : (null, problem);
    }

    /// <summary>The cell text for a stored value: numbers without trailing zeros, dates YYYY-MM-DD, times HH:MM:SS, instants in UTC.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => d.ToString("0.############################", Invariant),
        double d => d.ToString("R", Invariant),
        DateOnly d => d.ToString("yyyy-MM-dd", Invariant),
        TimeOnly t => t.ToString("HH:mm:ss", Invariant),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", Invariant),
        _ => Convert.ToString(value, Invariant) ?? "",
    };

    /// <summary>PostgreSQL keeps microseconds; cutting there on the way in keeps both databases and re-imports equal.</summary>
    private static DateTime Microseconds(DateTime t) => t.AddTicks(-(t.Ticks % 10));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";

    // HSDS asks times to carry their offset ("09:00-05:00"); Kith keeps the local time of day only.
    [GeneratedRegex(@"^(?<t>\d{2}:\d{2}(:\d{2})?)(Z|[+-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex DateTimePattern();
}
