using Kith.Community.Contracts;
using Kith.Concerns.Contracts;
using Kith.Groups.Contracts;
using Kith.Lines.Contracts;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.Referrals.Contracts;
using Kith.Screening.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Insights.Indicators;

/// <summary>How far back each incremental run counts again: facts change after their day (a concern acknowledged or closed, a referral completed).</summary>
internal sealed class IndicatorOptions
{
    /// <summary>Days before today counted again on every run; a fact that changes later than this is caught by <c>kith insights rebuild</c>.</summary>
    public int RecountDays { get; set; } = 60;

    /// <summary>
    /// Days before today a rebuild counts again; older days keep what was counted, because retention may have purged the
    /// facts they were counted from (closed anonymous concerns go after 90 days by default). <c>--all</c> counts everything.
    /// </summary>
    public int RebuildDays { get; set; } = 90;

    /// <summary>The first day a full rebuild counts from (nothing in Kith is older).</summary>
    public DateOnly Since { get; set; } = new(2020, 1, 1);
}

/// <summary>
/// Counts indicators for a run of days from the modules' published facts and replaces what was stored for those days,
/// in one transaction, so a reader sees a run of days either as it was or as it is now. The incremental path (the
/// job) counts the last <see cref="IndicatorOptions.RecountDays"/>; <c>kith insights rebuild</c> counts everything.
/// </summary>
internal sealed class IndicatorCounting(
    KithDb db, IConcernFacts concerns, IConversationFacts conversations, ICheckInFacts checkIns, IScreeningFacts screening,
    IReferralFacts referrals, IGroupFacts groups, ICommunityFacts community, DeploymentCalendar calendar, IOptions<IndicatorOptions> options)
{
    /// <summary>The incremental path: the recount window up to today (everything, the first time).</summary>
    public async Task<int> CountRecentAsync(CancellationToken ct) =>
        await db.IndicatorRuns.AnyAsync(ct)
            ? await CountAsync(calendar.Today.AddDays(-Math.Max(0, options.Value.RecountDays)), calendar.Today, rebuild: false, ct)
            : await RebuildAsync(all: true, ct);

    /// <summary>The last <see cref="IndicatorOptions.RebuildDays"/> days counted again, or with <paramref name="all"/> every day since <see cref="IndicatorOptions.Since"/> (every stored day replaced).</summary>
    public Task<int> RebuildAsync(bool all, CancellationToken ct) =>
        CountAsync(all ? options.Value.Since : calendar.Today.AddDays(-Math.Max(options.Value.RecountDays, options.Value.RebuildDays)), calendar.Today, rebuild: true, ct);

    private async Task<IReadOnlyList<(DateOnly, Guid, bool)>> AlertsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (calendar.ToUtc(from.ToDateTime(TimeOnly.MinValue)), calendar.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var raised = await db.InsightAlerts.AsNoTracking().Where(a => a.RaisedAt >= start && a.RaisedAt < end).Select(a => new { a.RaisedAt, a.AreaId }).ToListAsync(ct);
        var acted = await db.InsightAlerts.AsNoTracking().Where(a => a.ActionAt >= start && a.ActionAt < end).Select(a => new { At = a.ActionAt!.Value, a.AreaId }).ToListAsync(ct);
        DateOnly Day(DateTime at) => DateOnly.FromDateTime(calendar.ToLocal(at));
        return [.. raised.Select(a => (Day(a.RaisedAt), a.AreaId, false)), .. acted.Select(a => (Day(a.At), a.AreaId, true))];
    }

    public async Task<int> CountAsync(DateOnly from, DateOnly to, bool rebuild, CancellationToken ct)
    {
        var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Id, o => o.AreaId);
        var facts = new DayFacts(
            await concerns.BetweenAsync(from, to, ct), await conversations.BetweenAsync(from, to, ct), await checkIns.BetweenAsync(from, to, ct),
            await screening.BetweenAsync(from, to, ct), await referrals.BetweenAsync(from, to, ct), await groups.BetweenAsync(from, to, ct),
            organisations) { Alerts = await AlertsAsync(from, to, ct) };
        var values = Tally.Count(facts);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stale = from <= options.Value.Since ? db.IndicatorDays : db.IndicatorDays.Where(d => d.Day >= from && d.Day <= to);
        await stale.ExecuteDeleteAsync(ct);
        db.IndicatorDays.AddRange(values);
        var run = await db.IndicatorRuns.SingleOrDefaultAsync(ct);
        if (run is null) db.IndicatorRuns.Add(run = new IndicatorRun());
        (run.From, run.To, run.At, run.Rebuild) = (from, to, calendar.UtcNow, rebuild);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return values.Count;
    }
}
