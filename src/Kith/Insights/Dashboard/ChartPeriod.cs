using System.Globalization;

namespace Kith.Insights.Dashboard;

/// <summary>A chart's <c>?period=</c>: a number of weeks from <see cref="InsightsViews.WeekChoices"/>, or "days" for the recent weeks day by day.</summary>
internal static class ChartPeriod
{
    /// <summary>(daily, weeks), or null for a value that is neither; no value means the last 26 weeks.</summary>
    public static (bool Daily, int Weeks)? Parse(string? value) => value?.Trim() switch
    {
        null or "" => (false, 26),
        "days" => (true, 0),
        var v when int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && InsightsViews.WeekChoices.Contains(w) => (false, w),
        _ => null,
    };
}
