using System.Globalization;

namespace Kith.Lines.CaringContacts;

/// <summary>
/// A line's caring contact schedule as an admin writes and the line stores it: steps like "1d", "7d", "1m", "12m"
/// (days or months after the YES). No stored schedule: <see cref="CaringContactSchedule.Comtois"/>.
/// </summary>
internal static class CaringSchedules
{
    public static CaringContactSchedule Read(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? CaringContactSchedule.Comtois : Parse(stored.Split(' ', StringSplitOptions.RemoveEmptyEntries)) ?? CaringContactSchedule.Comtois;

    /// <summary>The steps read as a schedule, or null when one cannot be read ("3w", "d1", "").</summary>
    public static CaringContactSchedule? Parse(IEnumerable<string> steps)
    {
        var read = new List<CaringContactStep>();
        foreach (var step in steps.Select(s => s.Trim().ToLowerInvariant()))
        {
            if (step.Length < 2 || !int.TryParse(step[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return null;
            if (step[^1] == 'd') read.Add(CaringContactStep.Days(count));
            else if (step[^1] == 'm') read.Add(CaringContactStep.Months(count));
            else return null;
        }
        return new CaringContactSchedule(read, Birthday: false);
    }

    public static string Store(CaringContactSchedule schedule) =>
        string.Join(' ', schedule.Steps.Select(s => s.Count.ToString(CultureInfo.InvariantCulture) + (s.Unit == StepUnit.Days ? "d" : "m")));

    public static string[] Show(string? stored) => Store(Read(stored)).Split(' ');
}
