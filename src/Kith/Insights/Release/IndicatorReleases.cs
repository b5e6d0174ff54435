using Kith.Community.Contracts;
using Kith.Insights.Indicators;
using Kith.Platform.Data;
using Kith.Platform.Privacy;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Kith.Insights.Release;

/// <summary>What leaders may see: the smallest count shown, how many weeks, how many of them day by day.</summary>
internal sealed class ReleaseOptions
{
    /// <summary>Counts from 1 to this − 1 are hidden (CMS: 1–10). Never below 2: a count of 1 is one person.</summary>
    public int MinimumCellSize { get; set; } = SmallCells.DefaultThreshold;
    public int Weeks { get; set; } = 104;
    public int DailyWeeks { get; set; } = 8;
}

/// <summary>
/// Builds an indicator's release from the stored aggregates (<see cref="IndicatorRelease"/>), once per counting run:
/// every page and export of every node gets the same protected counts, because the same stored values and the same
/// deterministic protection give the same release. What each release showed is stored (<see cref="PublishedCount"/>) and
/// decides what the next must hide (<see cref="ReleaseHistory"/>), so a download kept from yesterday cannot be
/// subtracted from today's; a node building the same run after another finds that history and gets the same release.
/// </summary>
internal sealed class IndicatorReleases(KithDb db, ICommunityFacts community, DeploymentCalendar calendar, IMemoryCache cache, IOptions<ReleaseOptions> options)
{
    public int Threshold => Math.Max(2, options.Value.MinimumCellSize);

    /// <summary>The indicators with anything counted, for the pickers.</summary>
    public async Task<IReadOnlyList<IndicatorName>> IndicatorsAsync(CancellationToken ct) =>
        [.. (await db.IndicatorDays.AsNoTracking().Select(d => d.Indicator).Distinct().ToListAsync(ct))
            .Select(IndicatorCatalogue.Describe).OfType<IndicatorName>().OrderBy(n => n.Key, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<ReleaseArea>> AreasAsync(CancellationToken ct) =>
        [.. (await community.AreasAsync(ct)).OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a => new ReleaseArea(a.Id, a.Code, a.Name, a.Population)),
            new ReleaseArea(Guid.Empty, "", "No area known", 0)];

    /// <summary>The release of <paramref name="indicator"/> (protected with its family), or null for a key the catalogue does not name.</summary>
    public async Task<IndicatorRelease?> ForAsync(string indicator, CancellationToken ct)
    {
        if (IndicatorCatalogue.Describe(indicator) is null) return null;
        var family = ReleaseFamily.Of(indicator);
        var run = await db.IndicatorRuns.AsNoTracking().Select(r => (DateTime?)r.At).SingleOrDefaultAsync(ct);
        // Complete days as counted: a day is in the release once the last counting run began after it ended (the clock
        // may have passed midnight before the job counted the day's last facts; released early, a week would be shown
        // short, and its full count could then not be shown beside it — ADR 54).
        var today = run is { } at && DateOnly.FromDateTime(calendar.ToLocal(at)) is var counted && counted < calendar.Today ? counted : calendar.Today;
        var key = ("insights-release", family?.Total ?? indicator, run, today, Threshold, await community.AreasVersionAsync(ct));
        if (!cache.TryGetValue(key, out Dictionary<string, IndicatorRelease>? releases) || releases is null)
        {
            try { releases = await BuildAsync(indicator, family, today, ct); }
            catch (DbUpdateException)
            {
                // Another request or node stored this run's history first: build again on what it stored (the same release).
                db.ChangeTracker.Clear();
                releases = await BuildAsync(indicator, family, today, ct);
            }
            cache.Set(key, releases, TimeSpan.FromHours(1));
        }
        return releases.GetValueOrDefault(indicator);
    }

    private async Task<Dictionary<string, IndicatorRelease>> BuildAsync(string indicator, ReleaseFamily? family, DateOnly today, CancellationToken ct)
    {
        // Complete weeks only (and, day by day, complete days): a running week's count grows through the week, and each
        // value shown would be a new release of the same count (ADR 54).
        var last = IndicatorRelease.Monday(today).AddDays(-7);
        var weeks = Enumerable.Range(0, Math.Max(1, options.Value.Weeks)).Select(i => last.AddDays(-7 * i)).Reverse().ToList();
        var from = weeks[0];
        var stored = db.IndicatorDays.AsNoTracking().Where(d => d.Day >= from && d.Day <= today);
        // A family's keys share the part before the first dot ("concerns", "lines", "screening"): read those, keep the family's.
        var root = (family?.Total ?? indicator).Split('.')[0];
        stored = family is null ? stored.Where(d => d.Indicator == indicator) : stored.Where(d => d.Indicator.StartsWith(root));
        var rows = (await stored.Select(d => new { d.Indicator, d.AreaId, d.Day, d.Count, d.Sum }).ToListAsync(ct))
            .Where(d => family is null || d.Indicator == family.Total || family.BreakdownPrefixes.Any(p => d.Indicator.StartsWith(p, StringComparison.Ordinal))).ToList();
        var areas = await AreasAsync(ct);
        var known = areas.Select(a => a.Id).ToHashSet();
        var keys = rows.Select(r => r.Indicator).Append(family?.Total ?? indicator).Append(indicator).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counts = new LinkedCounts();
        var releases = new Dictionary<string, IndicatorRelease>();
        foreach (var k in keys)
        {
            if (IndicatorCatalogue.Describe(k) is not { } name) continue;
            var values = new Dictionary<(Guid, DateOnly), (int Count, double Sum)>();
            // Facts of an area since removed count with "no area known", so every total still adds up.
            foreach (var r in rows.Where(r => r.Indicator == k))
            {
                var at = (known.Contains(r.AreaId) ? r.AreaId : Guid.Empty, r.Day);
                var was = values.GetValueOrDefault(at);
                values[at] = (was.Count + r.Count, was.Sum + r.Sum);
            }
            releases[k] = new IndicatorRelease(name, counts, areas, weeks, Math.Max(0, options.Value.DailyWeeks), values, Threshold, today);
        }
        if (family is not null && releases.TryGetValue(family.Total, out var total))
            ReleaseFamily.Relate(counts, total, [.. family.BreakdownPrefixes.Select(p => (IReadOnlyList<IndicatorRelease>)[.. releases.Where(r => r.Key.StartsWith(p, StringComparison.Ordinal)).Select(r => r.Value)])]);
        // Successive releases must not be subtractable: what earlier releases showed decides what must stay hidden now.
        var familyKey = family?.Total ?? indicator;
        var countKeys = releases.Values.SelectMany(r => r.Keys()).ToList();
        var before = await db.PublishedCounts.AsNoTracking().Where(p => p.Family == familyKey).ToDictionaryAsync(p => p.CountKey, StringComparer.Ordinal, ct);
        var published = ReleaseHistory.For(countKeys, counts, before, Threshold).Protect(counts, Threshold);
        foreach (var (row, exists) in ReleaseHistory.After(familyKey, countKeys, published, before))
            if (exists) db.PublishedCounts.Update(row); else db.PublishedCounts.Add(row);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var release in releases.Values) release.Publish(published);
        return releases;
    }
}
