using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Kith.Insights.Value;

/// <summary>How the value page words amounts, and what changed between two versions of the assumptions (its history).</summary>
internal static class ValueWords
{
    public static string Money(decimal value, IFormatProvider culture) =>
        (value < 0 ? "−$" : "$") + Math.Abs(value).ToString(Math.Abs(value) < 100 && value != Math.Round(value) ? "N2" : "N0", culture);

    public static string Percent(decimal value, IFormatProvider culture) => value.ToString("0.##", culture) + "%";

    public static string Number(decimal value, IFormatProvider culture) => value.ToString("#,0.##", culture);

    public static string Basis(IStringLocalizer T, string basis) => basis == ValueInput.PerParticipant ? T["per participant"] : T["for the whole programme"];

    /// <summary>Each assumption by its label, as shown (null when empty).</summary>
    public static IReadOnlyList<(string Label, string? Value)> Fields(ValueAssumption a, IStringLocalizer T, IFormatProvider culture) =>
    [
        (T["Cost"], $"{Money(a.Cost, culture)} {Basis(T, a.CostBasis)}"), (T["Note on cost"], a.CostNote),
        (T["Reach"], a.Reach.ToString("N0", culture)), (T["Note on reach"], a.ReachNote),
        (T["Effect"], Percent(a.Effect, culture)), (T["Effect, low"], Percent(a.EffectLow, culture)), (T["Effect, high"], Percent(a.EffectHigh, culture)),
        (T["Note on effect"], a.EffectNote),
        (T["Cost averted per case"], Money(a.CostAverted, culture)), (T["Note on cost averted"], a.CostAvertedNote),
        (T["Published return per dollar"], a.ReturnPerDollar is { } r ? Number(r, culture) : null), (T["Source"], a.ReturnSource), (T["Source link"], a.ReturnLink),
        (T["Note on the return per dollar"], a.ReturnNote),
    ];

    /// <summary>"Effect: 5% → 6%" for each field that differs (everything, against no earlier version).</summary>
    public static IReadOnlyList<string> Changes(ValueAssumption? before, ValueAssumption after, IStringLocalizer T, IFormatProvider culture)
    {
        var now = Fields(after, T, culture);
        if (before is null) return [.. now.Where(f => f.Value is not null).Select(f => $"{f.Label}: {f.Value}")];
        return [.. Fields(before, T, culture).Zip(now).Where(p => p.First.Value != p.Second.Value)
            .Select(p => $"{p.Second.Label}: {p.First.Value ?? T["(empty)"]} → {p.Second.Value ?? T["(empty)"]}")];
    }
}
