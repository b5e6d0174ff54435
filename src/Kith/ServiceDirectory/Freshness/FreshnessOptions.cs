namespace Kith.ServiceDirectory.Freshness;

/// <summary>Setting <c>Kith:Directory:VerifyEveryDays</c>: how old a verification may be before the record needs checking again.</summary>
internal sealed class FreshnessOptions
{
    public int VerifyEveryDays { get; set; } = 180;
    /// <summary>An owner is reminded about the same record at most once in this many days.</summary>
    public int RemindEveryDays { get; set; } = 14;
}

/// <summary>The freshness rule: never verified, or verified more than N days before today, means "needs verifying".</summary>
internal static class VerificationAge
{
    public static bool NeedsVerifying(DateOnly? assured, DateOnly today, int everyDays) =>
        assured is not { } date || date < today.AddDays(-everyDays);

    /// <summary>Days since the last verification (0 for today; null if never).</summary>
    public static int? DaysSince(DateOnly? assured, DateOnly today) => assured is { } date ? today.DayNumber - date.DayNumber : null;
}
