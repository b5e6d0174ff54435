using System.Globalization;
using Kith.Platform.Time;
using Microsoft.Extensions.Localization;

namespace Kith.Platform.Web;

/// <summary>
/// How every staff page words a tier, an age and a time, in the reader's language and the deployment's time zone: a
/// concern and a conversation on a line read the same way to the responder who works both.
/// </summary>
internal static class StaffText
{
    public static string Tier(IStringLocalizer T, string code) => code switch
    {
        "imminent" => T["Imminent danger"],
        "urgent" => T["Urgent"],
        "routine" => T["Routine"],
        _ => code,
    };

    public static string Age(IStringLocalizer T, TimeSpan age) =>
        age.TotalMinutes < 60 ? T["{0} min", Math.Max(0, (int)age.TotalMinutes)]
        : age.TotalHours < 48 ? T["{0} h", (int)age.TotalHours]
        : T["{0} days", (int)age.TotalDays];

    /// <summary>A time where the deployment is, in the reader's culture (short date and time).</summary>
    public static string When(DeploymentCalendar calendar, DateTime utc) =>
        calendar.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);
}
