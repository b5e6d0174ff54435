using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kith.Groups.Domain;
using Kith.ServiceDirectory.Contracts;

namespace Kith.Groups.Calendar;

/// <summary>One group in a feed: its sessions' changes, its place as the directory lets it be shown, and whether to title it neutrally.</summary>
internal sealed record CalendarEntry(Group Group, IReadOnlyList<GroupSessionChange> Changes, PlaceFact? Place, bool Neutral);

/// <summary>
/// RFC 5545 calendars of groups, built with Ical.Net: VERSION and PRODID, a VTIMEZONE for the deployment's zone, one
/// VEVENT per group (UID stable, DTSTAMP now, DTSTART with TZID, DURATION, RRULE, SEQUENCE = the group's changes),
/// cancelled sessions as EXDATE and moved ones as an override with RECURRENCE-ID. A confidential place's address never
/// appears; a neutral entry carries a weekday title and no description or place name, so a lock screen says nothing.
/// </summary>
internal static class GroupCalendar
{
    public const string ProductId = "-//Kith//Groups 1.0//EN";

    public static string Build(IEnumerable<CalendarEntry> entries, string timeZone, DateTime nowUtc, string publicOrigin)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        calendar.AddTimeZone(timeZone);
        var stamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), "UTC", true);
        foreach (var (group, changes, place, neutral) in entries)
        {
            var title = GroupTitles.For(group, neutral, group.FirstStartLocal);
            var description = neutral ? null
                : $"{group.Description}\nLed by {group.Facilitators}.\n{publicOrigin.TrimEnd('/')}/groups/{group.Id}"
                  + (group.VideoUrl is { } video ? $"\nJoin by video: {video}" : "");
            var location = Location(place, neutral, group.VideoUrl);
            var series = Event(group, title, description, location, group.FirstStartLocal, timeZone, stamp);
            if (!string.IsNullOrWhiteSpace(group.Rule)) series.RecurrenceRule = new RecurrenceRule(group.Rule);
            foreach (var c in changes.Where(c => c.Cancelled)) series.ExceptionDates.Add(Local(c.OriginalStartLocal, timeZone));
            if (string.IsNullOrWhiteSpace(group.Rule) && changes.Any(c => c.Cancelled)) series.Status = "CANCELLED";
            calendar.Events.Add(series);
            foreach (var c in changes.Where(c => !c.Cancelled && c.MovedToLocal is not null))
            {
                var moved = Event(group, title, description, location, c.MovedToLocal!.Value, timeZone, stamp);
                moved.RecurrenceIdentifier = new RecurrenceIdentifier(Local(c.OriginalStartLocal, timeZone), null);
                calendar.Events.Add(moved);
            }
        }
        return new CalendarSerializer(calendar).SerializeToString()!;
    }

    private static CalendarEvent Event(Group group, string title, string? description, string? location, DateTime startLocal, string timeZone, CalDateTime stamp) => new()
    {
        Uid = $"group-{group.Id}@kith",
        DtStamp = stamp,
        DtStart = Local(startLocal, timeZone),
        Duration = Duration.FromMinutes(group.DurationMinutes),
        Summary = title,
        Description = description,
        Location = location,
        Sequence = group.Sequence,
    };

    /// <summary>A place as a calendar may hold it: never a confidential address; neutral entries only an address, no name.</summary>
    private static string? Location(PlaceFact? place, bool neutral, string? video) => place switch
    {
        null => neutral ? null : video is null ? null : "Online",
        { Confidential: true } => null,
        { Address: { } address } => neutral ? address : $"{place.Name}, {address}",
        _ => neutral ? null : place.Name,
    };

    private static CalDateTime Local(DateTime local, string timeZone) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone, true);
}
