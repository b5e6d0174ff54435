namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>schedule</c> (schedules.csv): The details of when a service or location is open. Entries are RFC 5545 RRULES.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Schedule
{
    /// <summary>The identifier for the schedule. Each entry must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the service for which this is the regular schedule</summary>
    public string? ServiceId { get; set; }
    /// <summary>The identifier of the location for which this is the regular schedule</summary>
    public string? LocationId { get; set; }
    /// <summary>The identifier of the ‘service at location’ table entry, when this schedule is specific to a service in a particular location.</summary>
    public string? ServiceAtLocationId { get; set; }
    /// <summary>The date from which the schedule information is valid. It must be in the ISO 8601 format of YYYY-MM-DD,</summary>
    public DateOnly? ValidFrom { get; set; }
    /// <summary>The last date on which the schedule information is valid. It must be in the ISO 8601 format of YYYY-MM-DD.</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>iCal - The date of the first event is the schedule. Necessary when using the ‘interval’ feature, optional otherwise.</summary>
    public DateOnly? Dtstart { get; set; }
    /// <summary>The timezone that all dates are expressed as, expressed as a UTC offset. Dates are assumed to be UTC otherwise.</summary>
    public decimal? Timezone { get; set; }
    /// <summary>iCal - The date of the last occurrence of the recurring event.</summary>
    public DateOnly? Until { get; set; }
    /// <summary>iCal - The number of times that the event occurs. Use this instead of ‘until’, if appropriate.</summary>
    public decimal? Count { get; set; }
    /// <summary>iCal - The two-letter code for the day on which the week starts.</summary>
    public string? Wkst { get; set; }
    /// <summary>iCal - How often the frequency repeats.</summary>
    public string? Freq { get; set; }
    /// <summary>iCal - How often the frequency repeats. For example, and Interval of 2 for a WEEKLY Frequency would represent fortnightly.</summary>
    public decimal? Interval { get; set; }
    /// <summary>iCal - Comma separated days of the week. Where freq is MONTHLY each part can be preceded by a positive or negative integer to represent which occurrence in a month; e.g. 2MO is the second Monday in a month. -1FR is the last Friday</summary>
    public string? Byday { get; set; }
    /// <summary>iCal - Comma separated numeric weeks of the year, where freq is WEEKLY. Can be negative to represent weeks before the end of the year; e.g. -5 is the 5th to last week in a year.</summary>
    public string? Byweekno { get; set; }
    /// <summary>iCal - Comma separated numeric days of the month, where frequency is MONTHLY. Can be negative to represent days before the end of the month; e.g. -5 is the 5th to last day in a month.</summary>
    public string? Bymonthday { get; set; }
    /// <summary>iCal - Comma separated numeric days of the month, where frequency is YEARLY. Can be negative to represent days before the end of the year; e.g. -1 is the last day in a year.</summary>
    public string? Byyearday { get; set; }
    /// <summary>A free text description of the availability of the service.</summary>
    public string? Description { get; set; }
    /// <summary>The time when a service or location opens. This should use HH:MM format and should include timezone information, either adding the suffix ‘Z’ when the date is in UTC, or including an offset from UTC (e.g. 09:00-05:00 for 9am EST.)</summary>
    public TimeOnly? OpensAt { get; set; }
    /// <summary>The time when a service or location closes. This should use HH:MM format and should include timezone information, either adding the suffix ‘Z’ when the date is in UTC, or including an offset from UTC (e.g. 09:00-05:00 for 9am EST.).</summary>
    public TimeOnly? ClosesAt { get; set; }
    /// <summary>URL of a link for the schedule which may show each individual session and may provide a booking facility.</summary>
    public string? ScheduleLink { get; set; }
    /// <summary>A free text description of how to attend this service.</summary>
    public string? AttendingType { get; set; }
    /// <summary>Free text notes on the schedule.</summary>
    public string? Notes { get; set; }
}
