using Microsoft.Extensions.Localization;

namespace Kith.Insights.Alerts;

/// <summary>Where an alert stands, in words: new, acknowledged, acted on, or its outcome.</summary>
internal static class AlertStatus
{
    public static string Text(InsightAlert a, IStringLocalizer T) =>
        a.Outcome is { } outcome ? T[AlertWords.Outcome(outcome)]
        : a.ActionKind is { } kind ? T["Acted on: {0}", T[AlertWords.ActionKind(kind)]]
        : a.AcknowledgedAt is not null ? T["Acknowledged"]
        : T["New"];
}
