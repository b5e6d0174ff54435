using System.Globalization;
using System.Text.RegularExpressions;

namespace Kith.Insights.Evaluation;

/// <summary>
/// A calendar quarter, the evaluation's only period. Quarters never overlap, and only ended ones are shown: a window a
/// reader could choose, or a quarter still growing, could be subtracted from another view to give the few pairs between
/// them (docs/adr/0052).
/// </summary>
internal sealed partial record EvaluationQuarter(int Year, int Quarter)
{
    public DateOnly From => new(Year, 3 * Quarter - 2, 1);
    public DateOnly To => From.AddMonths(3).AddDays(-1);
    public string Key => $"{Year.ToString(CultureInfo.InvariantCulture)}-Q{Quarter.ToString(CultureInfo.InvariantCulture)}";

    public static EvaluationQuarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public EvaluationQuarter Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    /// <summary>"2026-Q2", or null for anything else.</summary>
    public static EvaluationQuarter? Parse(string? key) =>
        key is not null && Pattern().Match(key) is { Success: true } m
            ? new(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : null;

    [GeneratedRegex(@"^(20\d\d)-Q([1-4])$")]
    private static partial Regex Pattern();
}
