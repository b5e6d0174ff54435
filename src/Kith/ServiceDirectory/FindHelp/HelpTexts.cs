using System.Globalization;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Search;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.FindHelp;

/// <summary>The plain sentences Find help and the service page share: when it opens, how fresh the record is.</summary>
internal static class HelpTexts
{
    /// <summary>"Open day and night", "Open now", "Opens Tuesday 9:00"; null when the hours are not known.</summary>
    public static string? Opening(IReadOnlyList<OpeningRule> rules, DateTimeOffset now, IStringLocalizer T)
    {
        if (rules.Count == 0) return null;
        if (AlwaysOpen(rules, now)) return T["Open day and night"];
        if (OpeningHours.IsOpen(rules, now)) return T["Open now"];
        if (OpeningHours.NextOpening(rules, now) is not { } next) return T["Closed now"];
        var time = next.ToString("H:mm", CultureInfo.CurrentCulture);
        var days = (next.Date - now.ToOffset(next.Offset).Date).Days;
        return days switch
        {
            0 => T["Closed now · opens today at {0}", time],
            1 => T["Closed now · opens tomorrow at {0}", time],
            < 7 => T["Closed now · opens {0} at {1}", next.ToString("dddd", CultureInfo.CurrentCulture), time],
            _ => T["Closed now · opens {0} at {1}", next.ToString("dddd d MMMM", CultureInfo.CurrentCulture), time],
        };
    }

    /// <summary>Open every hour of the coming week (24-hour lines), said plainly rather than as a timetable.</summary>
    public static bool AlwaysOpen(IReadOnlyList<OpeningRule> rules, DateTimeOffset now) =>
        rules.Count > 0 && OpeningHours.WeeklyOpenHours(rules, DateOnly.FromDateTime(now.DateTime)) >= TimeSpan.FromHours(167.5);

    /// <summary>"Checked 3 months ago" — freshness a person can judge at a glance.</summary>
    public static string Checked(DateOnly? assured, DateOnly today, IStringLocalizer T)
    {
        if (assured is not { } date) return T["Not checked yet"];
        var days = today.DayNumber - date.DayNumber;
        return days switch
        {
            <= 0 => T["Checked today"],
            1 => T["Checked yesterday"],
            < 14 => T["Checked {0} days ago", days],
            < 60 => T["Checked {0} weeks ago", days / 7],
            < 365 => T["Checked {0} months ago", days / 30],
            _ => T["Checked more than a year ago"],
        };
    }
}
