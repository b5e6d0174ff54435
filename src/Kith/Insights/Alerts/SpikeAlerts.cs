using System.Security.Cryptography;
using Kith.Insights.Dashboard;
using Kith.Insights.Release;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Time;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Insights.Alerts;

/// <summary>Which indicators the alert job watches: keys, or families ending in a colon for every breakdown of them.</summary>
internal sealed class AlertOptions
{
    public string[] Watch { get; set; } = ["concerns", "concerns.tier:", "lines.contacts", "checkins.to-a-person", "screening.flag:", "referrals.made"];
}

/// <summary>
/// Every hour, on whichever node holds the lease: each watched indicator's last complete week is tested in every area
/// (<see cref="WeeklySignal"/>, on published counts only); a spike becomes an alert — once, whichever node finds it, by the
/// alert's unique key — and the area's leaders are paged through Responders in the same commit (in-app, and an email
/// that carries only a link). An area nobody watches pages the administrators: a spike is never found and told to no one.
/// </summary>
internal sealed class SpikeAlerts(
    KithDb db, IndicatorReleases releases, IPaging paging, Kith.Community.Contracts.IStaffFacts staff, DeploymentCalendar calendar,
    IOptions<AlertOptions> options, ILogger<SpikeAlerts> log) : IRecurringJob
{
    public const string SubjectKind = "insight-alert";

    public string Name => "insights.spike-alerts";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var watched = (await releases.IndicatorsAsync(ct))
            .Where(i => options.Value.Watch.Any(w => w.EndsWith(':') ? i.Key.StartsWith(w, StringComparison.Ordinal) : i.Key == w)).ToList();
        foreach (var indicator in watched)
        {
            if (await releases.ForAsync(indicator.Key, ct) is not { } release) continue;
            var week = release.LastCompleteWeek;
            if (week < 0) continue;
            for (var a = 0; a < release.Areas.Count; a++)
            {
                if (!release.Areas[a].Known) continue;
                var signal = WeeklySignal.Of(release, a, InsightsViews.Method)[week];
                if (signal is { Alarm: true, Count: { } count, Expected: { } expected, UpperBound: { } bound })
                    await RaiseAsync(indicator.Key, release.Areas[a].Id, signal.Monday, count, expected, bound, ct);
            }
        }
    }

    private async Task RaiseAsync(string indicator, Guid area, DateOnly week, int count, double expected, double bound, CancellationToken ct)
    {
        if (await db.InsightAlerts.AnyAsync(x => x.Indicator == indicator && x.AreaId == area && x.Week == week, ct)) return;
        var now = calendar.UtcNow;
        var alert = new InsightAlert
        {
            Id = Guid.NewGuid(), Reference = "SP-" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6),
            Indicator = indicator, AreaId = area, Week = week, Count = count, Expected = expected, UpperBound = bound,
            Method = "earsC2", RaisedAt = now,
        };
        db.InsightAlerts.Add(alert);
        var watchers = await db.AreaWatches.AsNoTracking().Where(w => w.AreaId == area).Select(w => w.UserId).ToListAsync(ct);
        if (watchers.Count == 0) watchers = [.. await staff.WithRoleAsync(Kith.Community.Contracts.Roles.Admin, ct)];
        var subject = new Subject(SubjectKind, alert.Id, alert.Reference, $"/staff/insights/alerts/{alert.Id}", "routine");
        var paged = await paging.PageAsync(subject, CommonAlertKinds.New, 0, [.. watchers.Select(u => new Pagee(u, Email: true, Sms: false))],
            link => new PageText($"Kith: a rise in an area you watch ({alert.Reference})", $"Kith found a week above what was expected in an area you watch. See it and note what you do about it: {link}"),
            now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node raised this spike first: it paged the leaders.
            db.ChangeTracker.Clear();
            log.LogInformation("Spike alert for {Indicator} in week {Week} was raised by another node", indicator, week);
            return;
        }
        await paging.NudgeAsync(SubjectKind, alert.Id, CommonAlertKinds.New, paged, ct);
    }
}
