using Kith.Platform.Time;
using Microsoft.Extensions.Options;

namespace Kith.Responders.Paging;

/// <summary>
/// When someone must have acknowledged a subject: imminent within minutes, urgent within the hour, routine
/// by the end of the next business day where the deployment is. Each step of the escalation chain gets the
/// same allowance again, counted from when it was paged.
/// </summary>
internal sealed class AcknowledgeDeadlines(IOptions<ResponderOptions> options, DeploymentCalendar calendar)
{
    public DateTime From(string tier, DateTime nowUtc) => tier switch
    {
        "imminent" => nowUtc + options.Value.ImminentAcknowledgeWithin,
        "urgent" => nowUtc + options.Value.UrgentAcknowledgeWithin,
        _ => EndOfNextBusinessDay(nowUtc),
    };

    internal DateTime EndOfNextBusinessDay(DateTime nowUtc)
    {
        var day = DateOnly.FromDateTime(calendar.ToLocal(nowUtc)).AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return calendar.ToUtc(day.ToDateTime(new TimeOnly(Math.Clamp(options.Value.BusinessDayEndsAtHour, 0, 23), 0)));
    }
}
