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
/// deterministic protection give the same release.
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

    /// <summary>The release of <paramref name="indicator"/>, or null for a key no family claims.</summary>
    public async Task<IndicatorRelease?> ForAsync(string indicator, CancellationToken ct)
    {
        if (IndicatorCatalogue.Describe(indicator) is not { } name) return null;
        var run = await db.IndicatorRuns.AsNoTracking().Select(r => (DateTime?)r.At).SingleOrDefaultAsync(ct);
        var today = calendar.Today;
        var key = ("insights-release", indicator, run, today, Threshold, await community.AreasVersionAsync(ct));
        if (cache.TryGetValue(key, out IndicatorRelease? cached) && cached is not null) return cached;

        var last = IndicatorRelease.Monday(today);
        var weeks = Enumerable.Range(0, Math.Max(1, options.Value.Weeks)).Select(i => last.AddDays(-7 * i)).Reverse().ToList();
        var from = weeks[0];
        var values = (await db.IndicatorDays.AsNoTracking().Where(d => d.Indicator == indicator && d.Day >= from && d.Day <= today)
                .Select(d => new { d.AreaId, d.Day, d.Count, d.Sum }).ToListAsync(ct))
            .ToDictionary(d => (d.AreaId, d.Day), d => (d.Count, d.Sum));
        var areas = await AreasAsync(ct);
        // Facts of an area since removed count with "no area known", so every total still adds up.
        var known = areas.Select(a => a.Id).ToHashSet();
        foreach (var orphan in values.Keys.Where(k => !known.Contains(k.AreaId)).ToList())
        {
            var moved = values.GetValueOrDefault((Guid.Empty, orphan.Day));
            values[(Guid.Empty, orphan.Day)] = (moved.Count + values[orphan].Count, moved.Sum + values[orphan].Sum);
            values.Remove(orphan);
        }
        var release = new IndicatorRelease(name, areas, weeks, Math.Max(0, options.Value.DailyWeeks), values, Threshold, today);
        cache.Set(key, release, TimeSpan.FromHours(1));
        return release;
    }
}
