namespace Kith.ServiceDirectory.Freshness;

/// <summary>
/// "Today" where the deployment is (setting <c>Kith:TimeZone</c>, an IANA id; default America/Chicago):
/// a record verified at 8 pm local time is verified that day, not the next UTC day.
/// </summary>
internal sealed class DeploymentCalendar(TimeProvider time, IConfiguration configuration)
{
    public const string DefaultTimeZone = "America/Chicago";

    public TimeZoneInfo Zone { get; } = Find(configuration["Kith:TimeZone"]);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    private static TimeZoneInfo Find(string? id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultTimeZone : id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A mistyped zone must not stop the directory; UTC is off by hours at most, and the setting is documented.
            return TimeZoneInfo.Utc;
        }
    }
}

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
