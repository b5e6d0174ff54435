using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Kith.Platform.Messaging;

/// <summary>A contact someone typed for the route they chose ("sms", "email" or "none"), made canonical or refused with a reason.</summary>
internal static partial class Contacts
{
    /// <summary>
    /// The canonical contact for <paramref name="route"/> (none for "none"), or none with the problem added to
    /// <paramref name="errors"/> under "contact".
    /// </summary>
    public static string? Check(string? route, string? typed, Dictionary<string, string[]> errors)
    {
        switch (route)
        {
            case "sms":
                if (Phone(typed) is { } phone) return phone;
                errors["contact"] = ["Enter a mobile number, like 507 555 0142 or +15075550142."];
                return null;
            case "email":
                var email = typed?.Trim();
                if (email is not null && MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.')) return email;
                errors["contact"] = ["Enter an email address like name@example.org."];
                return null;
            default:
                if (!string.IsNullOrWhiteSpace(typed)) errors["contact"] = ["You chose not to be reached: leave the number or address out."];
                return null;
        }
    }

    /// <summary>A US number of 10 digits gets +1 (Riverbend's); any other needs its country code. Null if not a number.</summary>
    public static string? Phone(string? typed)
    {
        if (typed is null || typed.Length > 30 || !PhoneChars().IsMatch(typed)) return null;
        var digits = new string([.. typed.Where(char.IsAsciiDigit)]);
        var e164 = typed.TrimStart().StartsWith('+') ? "+" + digits : digits.Length == 10 ? "+1" + digits : digits.Length == 11 && digits[0] == '1' ? "+" + digits : null;
        return e164 is not null && E164().IsMatch(e164) ? e164 : null;
    }

    [GeneratedRegex(@"^[0-9 +().\-]+$")] private static partial Regex PhoneChars();
    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")] private static partial Regex E164();
}
