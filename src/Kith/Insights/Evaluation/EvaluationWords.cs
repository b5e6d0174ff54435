using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Kith.Insights.Evaluation;

/// <summary>How the evaluation words its rows and numbers, on the page and (untranslated, invariant) in the CSV.</summary>
internal static class EvaluationWords
{
    /// <summary>A group kind's name (the Groups module's codes; its own wording is not part of its contract).</summary>
    public static string Kind(IStringLocalizer T, string code) => code switch
    {
        "support-group" => T["Support group"],
        "peer-group" => T["Peer group"],
        "workshop" => T["Workshop"],
        "training" => T["Training"],
        "walk-and-talk" => T["Walk and talk"],
        "drop-in" => T["Drop-in"],
        "storytelling-circle" => T["Storytelling circle"],
        _ => code,
    };

    public static string Points(double value, IFormatProvider culture) => value.ToString("0.0", culture);

    /// <summary>A change with its sign, so "+4.2" and "−1.0" read as a change.</summary>
    public static string Signed(double value, IFormatProvider culture) => (value > 0 ? "+" : "") + value.ToString("0.0", culture);

    public static string Share(int part, int whole, IFormatProvider culture) => whole == 0 ? "" : ((double)part / whole).ToString("0%", culture);

    public static string Invariant(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
