using System.ComponentModel.DataAnnotations;
using Kith.Platform.Api;
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

internal static class JoinRules
{
    public const int NameMax = 40;

    /// <summary>The declared rules first (the same the OpenAPI document states), then what depends on the route chosen.</summary>
    public static Dictionary<string, string[]> Check(JoinRequest r, IServiceProvider services, out string? contact)
    {
        var errors = RequestRules.Check(r, services);
        contact = null;
        if (string.IsNullOrWhiteSpace(r.Name)) errors.TryAdd("name", ["Give a first name or a nickname (at most 40 characters)."]);
        if (errors.ContainsKey("contactRoute") || errors.ContainsKey("contact")) return errors;
        contact = Kith.Platform.Messaging.Contacts.Check(r.ContactRoute, r.Contact, errors);
        return errors;
    }
}
