using Microsoft.Extensions.Localization;

namespace Kith.Volunteers.Manage;

/// <summary>How pages word a helper's role, status and a certificate's standing, in the reader's language.</summary>
internal static class VolunteerWords
{
    public static string Role(IStringLocalizer T, string code) => code switch
    {
        "lay-leader" => T["Lay leader"],
        "ambassador" => T["Community ambassador"],
        "volunteer" => T["Volunteer"],
        _ => code,
    };

    public static string Status(IStringLocalizer T, string code) => code switch
    {
        "applied" => T["Signed up, not yet welcomed"],
        "active" => T["Active"],
        "ended" => T["No longer helping"],
        _ => code,
    };

    public static string Standing(IStringLocalizer T, string code) => code switch
    {
        "lapsed" => T["Lapsed"],
        "expiring-soon" => T["Expiring soon"],
        _ => T["Current"],
    };

    public static string Kind(IStringLocalizer T, string code) => code switch
    {
        "pfa" => T["Psychological first aid"],
        "mhfa" => T["Mental Health First Aid"],
        "qpr" => T["QPR suicide prevention"],
        _ => T["Our own training"],
    };
}
