namespace Kith.Platform.Time;

/// <summary>
/// "Today" where the deployment is (setting <c>Kith:TimeZone</c>, an IANA id; default America/Chicago):
/// a record verified at 8 pm local time is verified that day, not the next UTC day. The one reader of the
/// setting: search, opening hours, freshness and deadlines all agree on where "here" is.
/// </summary>
internal sealed class DeploymentCalendar(TimeProvider time, IConfiguration configuration)
{
    public const string DefaultTimeZone = "America/Chicago";

    public TimeZoneInfo Zone { get; } = Find(configuration["Kith:TimeZone"]);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>The IANA id actually in use (UTC when the setting names no known zone).</summary>
    public string ZoneId => Zone.Id;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>The start of the local hour holding <paramref name="utc"/>, in UTC (so a half-hour zone keeps its local date).</summary>
    public DateTime StartOfHour(DateTime utc)
    {
        var local = ToLocal(utc);
        var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(hour) // a daylight-saving gap that starts off the hour
            ? new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc)
            : ToUtc(hour);
    }

    private static TimeZoneInfo Find(string? id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultTimeZone : id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A mistyped zone must not stop the deployment; UTC is off by hours at most, and the setting is documented.
            return TimeZoneInfo.Utc;
        }
    }
}
