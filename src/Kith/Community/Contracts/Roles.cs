namespace Kith.Community.Contracts;

internal static class Roles
{
    public const string Admin = "admin";
    public const string Coordinator = "coordinator";
    public const string Responder = "responder";
    public const string Leader = "leader";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Responder, Leader];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>How a role is named to people (English; also the translation key).</summary>
    public static string Title(string role) => role switch
    {
        Admin => "Administrator",
        Coordinator => "Coordinator",
        Responder => "Responder",
        Leader => "Community leader",
        _ => role,
    };
}
