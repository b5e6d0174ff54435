using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Kith.Platform.Api;
using System.Text.RegularExpressions;
using Kith.Groups.Domain;

namespace Kith.Groups.Join;

/// <summary>
/// Joining a group without an account: a first name or nickname, how to be reached (text, email, or not at all), what
/// would help them come, and whether their calendar and reminders should use a neutral title. <see cref="Code"/> is the
/// private code they already have from another group, so all their groups sit under one code; none makes a new one.
/// </summary>
internal sealed record JoinRequest(
    [property: Required(ErrorMessage = "Give a first name or a nickname (at most 40 characters).")]
    [property: StringLength(JoinRules.NameMax, ErrorMessage = "Give a first name or a nickname (at most 40 characters).")]
    string? Name,
    [property: Required(ErrorMessage = "Choose how we may reach you: a text, an email, or not at all.")]
    [property: OneOf(typeof(ContactRoutes), nameof(ContactRoutes.All), ErrorMessage = "Choose how we may reach you: a text, an email, or not at all.")]
    string? ContactRoute,
    [property: StringLength(200, ErrorMessage = "At most 200 characters.")] string? Contact = null,
    bool NeutralTitles = false, bool NeedsChildcare = false, bool NeedsTransport = false,
    [property: OneOf(typeof(Kith.Platform.Localization.Cultures), nameof(Kith.Platform.Localization.Cultures.Supported), ErrorMessage = "That language is not offered.")]
    string? InterpreterLanguage = null,
    [property: StringLength(64, ErrorMessage = "A private code has 20 letters and numbers.")] string? Code = null);

internal static partial class JoinRules
{
    public const int NameMax = 40;

    /// <summary>The declared rules first (the same the OpenAPI document states), then what depends on the route chosen.</summary>
    public static Dictionary<string, string[]> Check(JoinRequest r, IServiceProvider services, out string? contact)
    {
        var errors = RequestRules.Check(r, services);
        contact = null;
        if (string.IsNullOrWhiteSpace(r.Name)) errors.TryAdd("name", ["Give a first name or a nickname (at most 40 characters)."]);
        if (errors.ContainsKey("contactRoute") || errors.ContainsKey("contact")) return errors;
        switch (r.ContactRoute)
        {
            case ContactRoutes.Sms:
                contact = Phone(r.Contact);
                if (contact is null) errors["contact"] = ["Enter a mobile number, like 507 555 0142 or +15075550142."];
                break;
            case ContactRoutes.Email:
                var email = r.Contact?.Trim();
                if (email is null || !MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.'))
                    errors["contact"] = ["Enter an email address like name@example.org."];
                else contact = email;
                break;
            default:
                if (!string.IsNullOrWhiteSpace(r.Contact)) errors["contact"] = ["You chose not to be reached: leave the number or address out."];
                break;
        }
        return errors;
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
