namespace Kith.Lines.CaringContacts;

/// <summary>
/// When caring contacts go out after a crisis conversation, as offsets from the day the texter said YES. The default
/// is the schedule of Comtois et al. 2019 (JAMA Psychiatry; the Military Continuity Project): 11 texts in 12 months —
/// the next day, a week on, then months 1, 2, 3, 4, 6, 8, 10 and 12, and the birthday when the texter gave one.
/// Practice guidance (caringcontacts.info) allows 8–25 texts over 6–18 months, so a line may set its own.
/// </summary>
internal sealed record CaringContactSchedule(IReadOnlyList<CaringContactStep> Steps, bool Birthday)
{
    public const int MostSteps = 25;
    public const int LongestMonths = 24;

    public static CaringContactSchedule Comtois { get; } = new(
        [CaringContactStep.Days(1), CaringContactStep.Days(7), .. new[] { 1, 2, 3, 4, 6, 8, 10, 12 }.Select(CaringContactStep.Months)],
        Birthday: true);

    /// <summary>The problems with a schedule a line's admin wrote, in plain words; none when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Steps.Count == 0) problems.Add("A schedule needs at least one text.");
        if (Steps.Count > MostSteps) problems.Add($"At most {MostSteps} texts: more reads as pressure, not care.");
        if (Steps.Any(s => s.Count < 1)) problems.Add("Every text is at least one day or one month after the YES.");
        if (Steps.Any(s => s.Unit == StepUnit.Days ? s.Count > LongestMonths * 31 : s.Count > LongestMonths))
            problems.Add($"The last text is at most {LongestMonths} months after the YES.");
        if (Steps.Select(s => s.ApproximateDays).Distinct().Count() != Steps.Count) problems.Add("Two texts fall on the same day.");
        return problems;
    }

    /// <summary>
    /// The local dates texts are due, in order, for a YES given on <paramref name="start"/>. A month step keeps the day
    /// of the month where it exists (31 January + 1 month = 28 or 29 February). A birthday falling on a day that already
    /// has a text, or outside the schedule's span, adds nothing: one text a day at most.
    /// </summary>
    public IReadOnlyList<DateOnly> DueDates(DateOnly start, DateOnly? birthday)
    {
        var dates = Steps.Select(s => s.After(start)).ToList();
        if (Birthday && birthday is { } born && dates.Count > 0)
        {
            var last = dates.Max();
            for (var year = start.Year; year <= last.Year; year++)
            {
                var day = born.Month == 2 && born.Day == 29 && !DateTime.IsLeapYear(year) ? new DateOnly(year, 2, 28) : new DateOnly(year, born.Month, born.Day);
                if (day > start && day <= last) dates.Add(day);
            }
        }
        return [.. dates.Distinct().Order()];
    }
}

internal enum StepUnit
{
    Days,
    Months,
}

/// <summary>One text of a schedule: so many days or months after the YES.</summary>
internal sealed record CaringContactStep(int Count, StepUnit Unit)
{
    public static CaringContactStep Days(int count) => new(count, StepUnit.Days);
    public static CaringContactStep Months(int count) => new(count, StepUnit.Months);

    public DateOnly After(DateOnly start) => Unit == StepUnit.Days ? start.AddDays(Count) : start.AddMonths(Count);

    internal int ApproximateDays => Unit == StepUnit.Days ? Count : Count * 30;
}
