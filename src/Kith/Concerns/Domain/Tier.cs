namespace Kith.Concerns.Domain;

/// <summary>How fast a person must act on a concern. Decided on the server by triage, never by the browser.</summary>
internal enum Tier
{
    Routine = 0,
    Urgent = 1,
    Imminent = 2,
}

internal static class Tiers
{
    public static string Code(this Tier tier) => tier switch
    {
        Tier.Imminent => "imminent",
        Tier.Urgent => "urgent",
        _ => "routine",
    };

    public static Tier Parse(string code) => code switch
    {
        "imminent" => Tier.Imminent,
        "urgent" => Tier.Urgent,
        "routine" => Tier.Routine,
        _ => throw new ArgumentException($"Unknown tier '{code}'.", nameof(code)),
    };

    public static bool TryParse(string? code, out Tier tier)
    {
        tier = Tier.Routine;
        if (code is not ("imminent" or "urgent" or "routine")) return false;
        tier = Parse(code);
        return true;
    }

    /// <summary>English names (also the translation keys).</summary>
    public static string Title(this Tier tier) => tier switch
    {
        Tier.Imminent => "Imminent danger",
        Tier.Urgent => "Urgent",
        _ => "Routine",
    };
}
