namespace Kith.Referrals.Domain;

/// <summary>
/// When the receiving organisation must have answered a referral (accepted or rejected it): a number of business
/// days after it was sent, at the same local time of day, Saturdays and Sundays not counted — sent Friday at
/// 3 pm with two days, due Tuesday at 3 pm. A referral sent at the weekend starts counting on Monday at midnight.
/// Works on local wall-clock times; the caller converts with the deployment's calendar.
/// </summary>
internal static class ResponseDeadline
{
    public const int DefaultBusinessDays = 2;

    public static DateTime Due(DateTime sentLocal, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var start = sentLocal;
        if (IsWeekend(start.DayOfWeek))
        {
            start = start.Date;
            while (IsWeekend(start.DayOfWeek)) start = start.AddDays(1);
        }
        var due = start;
        for (var counted = 0; counted < businessDays;)
        {
            due = due.AddDays(1);
            if (!IsWeekend(due.DayOfWeek)) counted++;
        }
        return due;
    }

    private static bool IsWeekend(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
