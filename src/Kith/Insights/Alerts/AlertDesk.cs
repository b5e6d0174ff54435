using System.Security.Claims;
using Kith.Insights.Indicators;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Insights.Alerts;

/// <summary>An alert as its pages show it.</summary>
internal sealed record AlertView(InsightAlert Alert, string AreaName, string AreaCode, IndicatorName? Indicator, bool Watched);

/// <summary>
/// The alerts' reads and steps for leaders: acknowledge, note the action taken, and later whether it helped — each a
/// step of its own, with the alert's revision so two leaders acting at once cannot overwrite each other.
/// </summary>
internal sealed class AlertDesk(KithDb db, Release.IndicatorReleases releases, DeploymentCalendar calendar)
{
    public const int MaxText = 2000;

    // Problems are resource keys: the page shows them through T[...].
    private const string NoSuchAlert = "There is no such alert.";
    private const string Changed = "Someone else changed this alert while you had it open. Here it is as it is now.";
    private const string TooLong = "Keep it under 2,000 characters.";
    private const string ChooseAction = "Choose what was done.";
    private const string SayAction = "Say what was done.";
    private const string ActionFirst = "Note the action first; then say whether it helped.";
    private const string ChooseOutcome = "Choose how it went.";
    private const string NoSuchStep = "There is no such step.";
    public static readonly string[] Problems = [NoSuchAlert, Changed, TooLong, ChooseAction, SayAction, ActionFirst, ChooseOutcome, NoSuchStep];

    public async Task<IReadOnlyList<AlertView>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var alerts = await db.InsightAlerts.AsNoTracking().OrderByDescending(a => a.RaisedAt).Take(200).ToListAsync(ct);
        return await ViewsAsync(alerts, user, ct);
    }

    public async Task<AlertView?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        await db.InsightAlerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } alert ? (await ViewsAsync([alert], user, ct))[0] : null;

    private async Task<IReadOnlyList<AlertView>> ViewsAsync(IReadOnlyList<InsightAlert> alerts, ClaimsPrincipal user, CancellationToken ct)
    {
        var areas = (await releases.AreasAsync(ct)).ToDictionary(a => a.Id);
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var watched = (await db.AreaWatches.AsNoTracking().Where(w => w.UserId == me).Select(w => w.AreaId).ToListAsync(ct)).ToHashSet();
        return [.. alerts.Select(a => new AlertView(a, areas.TryGetValue(a.AreaId, out var area) ? area.Name : "", area?.Code ?? "",
            IndicatorCatalogue.Describe(a.Indicator), watched.Contains(a.AreaId)))];
    }

    /// <summary>A step on an alert: null when done, else the field and the problem (a resource key).</summary>
    public async Task<(string Field, string Problem)?> StepAsync(Guid id, string step, string? kind, string? text, int? revision, ClaimsPrincipal user, CancellationToken ct)
    {
        var alert = await db.InsightAlerts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null) return ("step", NoSuchAlert);
        if (revision != alert.Revision) return ("step", Changed);
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text?.Length > MaxText) return ("text", TooLong);
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var now = calendar.UtcNow;
        switch (step)
        {
            case "acknowledge" when alert.AcknowledgedAt is null:
                (alert.AcknowledgedAt, alert.AcknowledgedBy) = (now, me);
                break;
            case "acknowledge":
                return null; // already acknowledged: nothing to change
            case "action":
                if (kind is null || !AlertWords.ActionKinds.Contains(kind)) return ("kind", ChooseAction);
                if (kind == "other" && text is null) return ("text", SayAction);
                (alert.ActionKind, alert.Action, alert.ActionAt, alert.ActionBy) = (kind, text, now, me);
                alert.AcknowledgedAt ??= now;
                alert.AcknowledgedBy ??= me;
                break;
            case "outcome":
                if (alert.ActionKind is null) return ("step", ActionFirst);
                if (kind is null || !AlertWords.Outcomes.Contains(kind)) return ("kind", ChooseOutcome);
                (alert.Outcome, alert.OutcomeNote, alert.OutcomeAt) = (kind, text, now);
                break;
            default:
                return ("step", NoSuchStep);
        }
        alert.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ("step", Changed);
        }
    }

    /// <summary>Who watches each area (ids), for the assignment form.</summary>
    public async Task<ILookup<Guid, string>> WatchersAsync(CancellationToken ct) =>
        (await db.AreaWatches.AsNoTracking().ToListAsync(ct)).ToLookup(w => w.AreaId, w => w.UserId);

    /// <summary>Replaces the leaders who watch <paramref name="area"/>.</summary>
    public async Task WatchAsync(Guid area, IReadOnlyCollection<string> leaders, ClaimsPrincipal by, CancellationToken ct)
    {
        var me = by.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.AreaWatches.Where(w => w.AreaId == area).ExecuteDeleteAsync(ct);
        db.AreaWatches.AddRange(leaders.Distinct().Select(l => new AreaWatch { AreaId = area, UserId = l, AssignedAt = calendar.UtcNow, AssignedBy = me }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
