using Kith.Platform.Data;
using Kith.Platform.Privacy;
using Kith.Platform.Time;
using Kith.Screening.Campaigns.Domain;
using Kith.Screening.Instruments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Screening.Campaigns.Aggregates;

/// <summary>A campaign's results as staff may see them. Every count is null where it is hidden.</summary>
internal sealed record AggregateReport(Guid CampaignId, int MinimumCellSize, DateOnly? CountedThrough, IReadOnlyList<InstrumentAggregate> Instruments);

/// <summary>
/// (Public: a page component takes it as a parameter.) One instrument: its bands and flags (codes, in the
/// instrument's order) and a row per group, then all groups. <c>ReleasedAt</c>: when these figures were first
/// shown; <c>Held</c>: newer answers are not shown yet, because they would change a count by too few people.
/// </summary>
public sealed record InstrumentAggregate(string Instrument, string Name, IReadOnlyList<string> Bands, IReadOnlyList<string> Flags,
    IReadOnlyList<GroupRow> Groups, GroupRow All, DateTime? ReleasedAt = null, bool Held = false);

public sealed record GroupRow(string Group, int? Responses, IReadOnlyList<int?> Bands, IReadOnlyList<int?> Flags, decimal? MeanScore);

/// <summary>
/// Counts a campaign's responses per instrument and group — responses, each band, each positive flag, the mean
/// score — and hides what <see cref="SmallCells"/> says to. The band table and every flag table share their
/// group totals, so a total hidden in one is hidden in all (repeated until none hides a new one), and a group
/// whose total is hidden shows no mean. While a campaign is open, only answers up to yesterday are counted: a
/// counsellor watching the page while one student submits must not see that student's band appear. What is
/// counted then goes through <see cref="CampaignReleases"/>, so figures shown at different times never combine.
/// Nothing here returns or reads a single response.
/// </summary>
internal sealed class CampaignAggregates(KithDb db, InstrumentLibrary library, DeploymentCalendar calendar, CampaignReleases releases,
    IOptions<CellSizeOptions> options)
{
    public async Task<AggregateReport> CountAsync(Campaign campaign, CancellationToken ct)
    {
        var threshold = options.Value.MinimumCellSize;
        var phase = campaign.PhaseOn(calendar.Today);
        DateOnly? through = phase == CampaignPhase.Open ? calendar.Today.AddDays(-1) : null;
        var query = db.ScreeningResponses.AsNoTracking().Where(r => r.CampaignId == campaign.Id);
        if (through is not null)
        {
            var cutoff = calendar.ToUtc(calendar.Today.ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.SubmittedAt < cutoff);
        }
        var rows = phase == CampaignPhase.NotOpenYet
            ? []
            : await query.Select(r => new Counted(r.InstrumentId, r.CampaignGroup ?? "", r.Band, r.Flags, r.Score)).ToListAsync(ct);

        var groups = campaign.GroupNames.Concat(rows.Select(r => r.Group).Distinct().Order(StringComparer.Ordinal)).Distinct().ToList();
        var instruments = new List<InstrumentAggregate>();
        foreach (var instrument in campaign.InstrumentIds.Select(library.Find).OfType<Instrument>())
        {
            var counted = rows.Where(r => r.Instrument == instrument.Id).ToList();
            var (fresh, raw) = Count(instrument, groups, counted, threshold);
            // A count hidden in the last release stays hidden while it has not changed: shown now, it could be
            // subtracted from that release's totals to give the small count it was hidden to protect.
            var stillHidden = await releases.StillHiddenAsync(campaign.Id, instrument.Id, raw, ct);
            if (stillHidden.Count > 0) (fresh, raw) = Count(instrument, groups, counted, threshold, stillHidden);
            instruments.Add(await releases.ReleaseAsync(campaign.Id, fresh, raw, threshold, ct));
        }
        return new AggregateReport(campaign.Id, threshold, through, instruments);
    }

    internal sealed record Counted(string Instrument, string Group, string Band, string Flags, decimal Score);

    /// <summary>One instrument's table, and its true counts keyed as <see cref="CampaignReleases.Key"/> (for the release rule, never shown).</summary>
    /// <param name="keepHidden">Keys of counts to hide whatever their size (with complements, as any hidden count).</param>
    internal static (InstrumentAggregate Table, IReadOnlyDictionary<string, int> Raw) Count(Instrument instrument, IReadOnlyList<string> groups,
        IReadOnlyList<Counted> rows, int threshold, IReadOnlySet<string>? keepHidden = null)
    {
        keepHidden ??= new HashSet<string>();
        var bands = instrument.Bands.Select(b => b.Code).ToList();
        var flags = instrument.Flags.Select(f => f.Code).ToList();
        var bandCounts = new int[groups.Count, bands.Count];
        var flagCounts = flags.Select(_ => new int[groups.Count, 2]).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var inGroup = rows.Where(r => r.Group == groups[g]).ToList();
            for (var b = 0; b < bands.Count; b++) bandCounts[g, b] = inGroup.Count(r => r.Band == bands[b]);
            for (var f = 0; f < flags.Count; f++)
            {
                var positive = inGroup.Count(r => r.Flags.Split(' ').Contains(flags[f]));
                flagCounts[f][g, 0] = positive;
                flagCounts[f][g, 1] = inGroup.Count - positive;
            }
        }

        string RowKey(int r) => r < groups.Count ? "group:" + groups[r] : "all";
        var raw = new Dictionary<string, int>();
        for (var r = 0; r <= groups.Count; r++)
        {
            raw[CampaignReleases.Key(RowKey(r), "responses")] = Enumerable.Range(0, bands.Count).Sum(b => Cell(bandCounts, r, b));
            for (var b = 0; b < bands.Count; b++) raw[CampaignReleases.Key(RowKey(r), "band:" + bands[b])] = Cell(bandCounts, r, b);
            for (var f = 0; f < flags.Count; f++) raw[CampaignReleases.Key(RowKey(r), "flag:" + flags[f])] = Cell(flagCounts[f], r, 0);
        }
        var keptBands = Kept(groups.Count + 1, bands.Count, (r, b) => CampaignReleases.Key(RowKey(r), "band:" + bands[b]));
        var keptFlags = flags.Select(flag => Kept(groups.Count + 1, 1, (r, _) => CampaignReleases.Key(RowKey(r), "flag:" + flag))).ToList();
        List<(int, int)> Kept(int rowCount, int columns, Func<int, int, string> key) =>
            (from r in Enumerable.Range(0, rowCount) from c in Enumerable.Range(0, columns) where keepHidden.Contains(key(r, c)) select (r, c)).ToList();

        // Totals hidden by any table are hidden in every table (index groups.Count is the grand total).
        var hiddenTotals = Enumerable.Range(0, groups.Count + 1).Where(r => keepHidden.Contains(CampaignReleases.Key(RowKey(r), "responses"))).ToHashSet();
        SuppressedTable bandTable;
        List<SuppressedTable> flagTables;
        while (true)
        {
            bandTable = SmallCells.Suppress(bandCounts, threshold, hiddenTotals.Select(r => (r, bands.Count)).Concat(keptBands));
            flagTables = flagCounts.Select((c, f) => SmallCells.Suppress(c, threshold, hiddenTotals.Select(r => (r, 2)).Concat(keptFlags[f]))).ToList();
            var hidden = Enumerable.Range(0, groups.Count + 1)
                .Where(r => bandTable.IsHidden(r, bands.Count) || flagTables.Any(t => t.IsHidden(r, 2))).ToHashSet();
            if (hidden.SetEquals(hiddenTotals)) break;
            hiddenTotals = hidden;
        }

        GroupRow Row(int r, string name, IEnumerable<Counted> counted) => new(
            name, bandTable.RowTotal(r),
            Enumerable.Range(0, bands.Count).Select(b => bandTable.Published(r, b)).ToList(),
            flagTables.Select(t => t.Published(r, 0)).ToList(),
            bandTable.RowTotal(r) is > 0 ? Math.Round(counted.Average(c => c.Score), 1, MidpointRounding.AwayFromZero) : null);

        return (new InstrumentAggregate(instrument.Id, instrument.Name, bands, flags,
            groups.Select((name, r) => Row(r, name, rows.Where(x => x.Group == name))).ToList(),
            Row(groups.Count, "", rows)), raw);
    }

    /// <summary>A count of the table with its all-groups row (row index past the groups: the column's sum).</summary>
    private static int Cell(int[,] counts, int row, int column) =>
        row < counts.GetLength(0) ? counts[row, column] : Enumerable.Range(0, counts.GetLength(0)).Sum(r => counts[r, column]);
}
