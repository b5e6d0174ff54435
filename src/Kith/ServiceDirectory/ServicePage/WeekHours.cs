using System.Globalization;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Search;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.ServicePage;

/// <summary>One row of the hours table: a day of the coming week and when the service is open on it.</summary>
internal sealed record DayRow(DateOnly Date, string Day, string Hours, bool Today);

/// <summary>
/// The coming seven days as a person reads a timetable, from the same HSDS rules search uses, so monthly
/// and dated rules ("first Tuesday") show on the right days rather than as "every Tuesday".
/// </summary>
internal static class WeekHours
{
    public static List<DayRow> Rows(IReadOnlyList<OpeningRule> rules, DateOnly today, IStringLocalizer T)
    {
        var rows = new List<DayRow>();
        for (var date = today; date < today.AddDays(7); date = date.AddDays(1))
        {
            var times = rules.Where(r => OpeningRecurrence.For(r).OccursOn(date))
                .OrderBy(r => r.OpensAt ?? TimeOnly.MinValue)
                .Select(r => AllDay(r) ? T["Open 24 hours"].Value : $"{Time(r.OpensAt ?? TimeOnly.MinValue)}–{Time(r.ClosesAt ?? TimeOnly.MinValue)}")
                .Distinct().ToList();
            var day = date == today ? T["Today ({0})", date.ToString("dddd", CultureInfo.CurrentCulture)].Value : date.ToString("dddd d MMMM", CultureInfo.CurrentCulture);
            rows.Add(new DayRow(date, day, times.Count == 0 ? T["Closed"] : string.Join(", ", times), date == today));
        }
        return rows;
    }

    private static bool AllDay(OpeningRule r) =>
        (r.OpensAt is null || r.OpensAt == TimeOnly.MinValue) && (r.ClosesAt is null || r.ClosesAt == TimeOnly.MinValue || r.ClosesAt >= new TimeOnly(23, 59));

    private static string Time(TimeOnly t) => t.ToString("H:mm", CultureInfo.CurrentCulture);
}
