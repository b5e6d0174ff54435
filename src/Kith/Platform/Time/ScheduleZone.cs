namespace Kith.Platform.Time;

/// <summary>
/// HSDS 3.0 gives a schedule's time zone as a bare UTC offset, which is wrong for half the year wherever
/// clocks change. An offset the deployment's own zone uses (standard or summer time) is read as that zone, so
/// "−6" in Riverbend follows Central Time through daylight saving; any other offset stays a fixed offset.
/// </summary>
internal static class ScheduleZone
{
    public static string Resolve(decimal? utcOffsetHours, string deploymentTimeZone)
    {
        if (utcOffsetHours is not { } offset) return deploymentTimeZone;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(deploymentTimeZone);
        var offsets = zone.GetAdjustmentRules().SelectMany(r => new[] { zone.BaseUtcOffset, zone.BaseUtcOffset + r.DaylightDelta })
            .Append(zone.BaseUtcOffset);
        if (offsets.Any(o => (decimal)o.TotalHours == offset)) return deploymentTimeZone;
        // Etc/GMT zones count the other way: Etc/GMT+6 is UTC−6. Whole hours only; anything else falls back to UTC.
        return offset == Math.Truncate(offset) && offset is >= -12 and <= 14
            ? offset == 0 ? "Etc/UTC" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset):0}"
            : "Etc/UTC";
    }
}
