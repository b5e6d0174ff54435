using Microsoft.Extensions.Localization;

namespace Kith.Concerns.CaseWork;

/// <summary>
/// What a responder did for the person (what outcome reports count). Codes are stored and sent over the API;
/// the English titles are the translation keys, written out here so the translation check finds them.
/// </summary>
internal static class InterventionTypes
{
    public static readonly IReadOnlyList<string> Codes =
        ["conversation", "guardian-contacted", "safety-plan", "referred", "counselling", "welfare-check", "emergency-services", "other"];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    public static string Title(IStringLocalizer T, string code) => code switch
    {
        "conversation" => T["Conversation with the person"],
        "guardian-contacted" => T["Parent or guardian contacted"],
        "safety-plan" => T["Safety plan made"],
        "referred" => T["Referred to a service"],
        "counselling" => T["Counselling session"],
        "welfare-check" => T["Welfare check"],
        "emergency-services" => T["Emergency services called"],
        "other" => T["Other"],
        _ => code,
    };
}

/// <summary>How a concern ended. Required when closing; counted by the facts contract.</summary>
internal static class CaseOutcomes
{
    public static readonly IReadOnlyList<string> Codes =
        ["supported", "referred", "no-action-needed", "could-not-reach", "false-report", "duplicate", "no-response"];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    public static string Title(IStringLocalizer T, string code) => code switch
    {
        "supported" => T["Supported"],
        "referred" => T["Referred"],
        "no-action-needed" => T["No action needed"],
        "could-not-reach" => T["Could not reach the person"],
        "false-report" => T["False report"],
        "duplicate" => T["Duplicate of another concern"],
        "no-response" => T["No response from the reporter"],
        _ => code,
    };
}

/// <summary>Reports staff judge false or abusive: kept, but counted apart from genuine concerns.</summary>
internal static class CaseFlags
{
    public const string False = "false";
    public const string Abusive = "abusive";
    public static readonly IReadOnlyList<string> Codes = [False, Abusive];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    public static string Title(IStringLocalizer T, string code) => code switch
    {
        False => T["False report"],
        Abusive => T["Abusive report"],
        _ => code,
    };
}
