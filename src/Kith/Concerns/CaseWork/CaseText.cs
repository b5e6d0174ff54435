using System.Globalization;
using Kith.Concerns.Domain;
using Kith.Platform.Time;
using Kith.Platform.Web;
using Microsoft.Extensions.Localization;

namespace Kith.Concerns.CaseWork;

/// <summary>How the staff pages word a concern's codes and times, in the reader's language and the deployment's time zone.</summary>
internal static class CaseText
{
    public static string Tier(IStringLocalizer T, string code) => StaffText.Tier(T, code);

    public static string Category(IStringLocalizer T, string code) =>
        ConcernAnswers.Categories.FirstOrDefault(c => c.Code == code) is { Title: { } title } ? T[title] : code;

    public static string About(IStringLocalizer T, string code) =>
        ConcernAnswers.About.FirstOrDefault(c => c.Code == code) is { Title: { } title } ? T[title] : code;

    public static string Urgency(IStringLocalizer T, string code) =>
        ConcernAnswers.Urgency.FirstOrDefault(c => c.Code == code) is { Title: { } title } ? T[title] : code;

    /// <summary>Status names are the deployment's own and shown as written; the default table's are translated.</summary>
    public static string Status(IStringLocalizer T, string name) => name switch
    {
        "New" => T["New"],
        "Acknowledged" => T["Acknowledged"],
        "In progress" => T["In progress"],
        "Waiting for the reporter" => T["Waiting for the reporter"],
        "Closed" => T["Closed"],
        _ => name,
    };

    public static string Alert(IStringLocalizer T, string kind) => kind switch
    {
        AlertKinds.Escalated => T["Needs acknowledging now"],
        AlertKinds.ReporterReplied => T["The reporter wrote back"],
        AlertKinds.RaisedByReporter => T["Raised by the reporter's message"],
        AlertKinds.HandedOff => T["Handed to your team"],
        _ => T["New concern"],
    };

    public static string Age(IStringLocalizer T, TimeSpan age) => StaffText.Age(T, age);

    /// <summary>A time where the deployment is, in the reader's culture (short date and time).</summary>
    public static string When(DeploymentCalendar calendar, DateTime utc) => StaffText.When(calendar, utc);

    public static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);
}
