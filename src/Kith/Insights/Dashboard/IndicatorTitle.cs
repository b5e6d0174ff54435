using Kith.Insights.Indicators;
using Microsoft.Extensions.Localization;

namespace Kith.Insights.Dashboard;

/// <summary>How an indicator is named on a page: its family's title (translated) and its breakdown value.</summary>
internal static class IndicatorTitle
{
    public static string Of(IndicatorName name, IStringLocalizer t) =>
        name.Breakdown is null ? t[name.Title] : $"{t[name.Title]}: {name.Breakdown}";

    /// <summary>The indicator a page opens on when none (or an unknown one) is asked for: concerns received, else the first counted.</summary>
    public static IndicatorName? Choose(IReadOnlyList<IndicatorName> indicators, string? asked) =>
        indicators.FirstOrDefault(i => i.Key == asked) ?? indicators.FirstOrDefault(i => i.Key == IndicatorCatalogue.Concerns) ?? indicators.FirstOrDefault();
}
