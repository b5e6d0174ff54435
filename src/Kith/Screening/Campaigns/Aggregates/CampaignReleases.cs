using System.Text.Json;
using Kith.Platform.Data;
using Kith.Platform.Privacy;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Screening.Campaigns.Aggregates;

/// <summary>
/// Decides what of a campaign's fresh results staff may see, one instrument's table at a time, and remembers it
/// (<see cref="CampaignRelease"/>). The whole table — every group and all groups — is released together or not at
/// all: a group held back beside a newer "all groups" row could be subtracted out of it, and a table mixing
/// releases would break the complementary suppression each release was computed with. Whatever path changes
/// which answers count (a day passing, closing early, a campaign reopened), this is the one gate they go through.
/// </summary>
internal sealed class CampaignReleases(KithDb db, DeploymentCalendar calendar)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int Attempts = 3;

    /// <param name="raw">The true counts behind <paramref name="fresh"/>, stored with it for <see cref="StillHiddenAsync"/>.</param>
    public async Task<InstrumentAggregate> ReleaseAsync(Guid campaignId, InstrumentAggregate fresh, IReadOnlyDictionary<string, int> raw,
        int threshold, CancellationToken ct)
    {
        fresh = fresh with { ReleasedAt = null, Held = false };
        var figures = JsonSerializer.Serialize(fresh, Json);
        var counts = JsonSerializer.Serialize(raw, Json);
        InstrumentAggregate? shown = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var earlier = await db.ScreeningCampaignReleases.AsNoTracking()
                .Where(r => r.CampaignId == campaignId && r.InstrumentId == fresh.Instrument)
                .OrderBy(r => r.Number).ToListAsync(ct);
            var releases = earlier.Select(Read).ToList();
            var (chosen, released) = Releases.Choose(fresh, releases, Counts, threshold);
            if (!released) return chosen with { Held = true };
            if (earlier.Count > 0 && earlier[^1].Figures == figures) return releases[^1];
            shown = releases.LastOrDefault();

            // Insert or ignore: of two requests releasing at once, one stores its figures and the other re-reads
            // and checks its own against them, so no two stored releases were ever checked against different pasts.
            var number = earlier.Count == 0 ? 1 : earlier[^1].Number + 1;
            var now = calendar.UtcNow;
            var stored = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO screening_campaign_releases (campaign_id, instrument_id, number, released_at, figures, counts) VALUES ({campaignId}, {fresh.Instrument}, {number}, {now}, {figures}, {counts}) ON CONFLICT DO NOTHING", ct);
            if (stored == 1) return fresh with { ReleasedAt = now };
        }
        // Still racing after a few tries: show the latest stored release rather than anything unchecked.
        return (shown ?? fresh with { Groups = [], All = Empty(fresh.All) }) with { Held = true };
    }

    /// <summary>
    /// The counts hidden in the latest release whose true value is the same now. Shown now, such a count could be
    /// put back into that release (its totals minus the counts beside it) and give away the small count it was
    /// hidden as a complement for; so it stays hidden until it changes.
    /// </summary>
    public async Task<IReadOnlySet<string>> StillHiddenAsync(Guid campaignId, string instrument, IReadOnlyDictionary<string, int> raw, CancellationToken ct)
    {
        var latest = await db.ScreeningCampaignReleases.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.InstrumentId == instrument)
            .OrderByDescending(r => r.Number).Select(r => new { r.Figures, r.Counts }).FirstOrDefaultAsync(ct);
        if (latest is null) return new HashSet<string>();
        var then = JsonSerializer.Deserialize<Dictionary<string, int>>(latest.Counts, Json)!;
        return Counts(JsonSerializer.Deserialize<InstrumentAggregate>(latest.Figures, Json)!)
            .Where(c => c.Value is null && then.TryGetValue(c.Key, out var was) && raw.TryGetValue(c.Key, out var now) && was == now)
            .Select(c => c.Key).ToHashSet();
    }

    /// <summary>
    /// How many people have answered, as far as results have been released: the all-groups total of the latest
    /// release of the campaign's first questionnaire (everyone who takes part starts with it). A live count would
    /// step from 12 to 13 the moment someone answers, beside released figures that must not move by one.
    /// Null when hidden or not released yet, 0 when nobody has answered.
    /// </summary>
    public async Task<int?> ReleasedResponsesAsync(Guid campaignId, string? firstInstrument, bool anyAnswers, CancellationToken ct)
    {
        if (!anyAnswers) return 0;
        var figures = await db.ScreeningCampaignReleases.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.InstrumentId == firstInstrument)
            .OrderByDescending(r => r.Number).Select(r => r.Figures).FirstOrDefaultAsync(ct);
        return figures is null ? null : JsonSerializer.Deserialize<InstrumentAggregate>(figures, Json)!.All.Responses;
    }

    private static InstrumentAggregate Read(CampaignRelease release) =>
        JsonSerializer.Deserialize<InstrumentAggregate>(release.Figures, Json)! with { ReleasedAt = release.ReleasedAt };

    private static GroupRow Empty(GroupRow row) => new(row.Group, null, row.Bands.Select(_ => (int?)null).ToList(), row.Flags.Select(_ => (int?)null).ToList(), null);

    /// <summary>A count's key: its row ("group:Grade 9", or "all") and measure ("responses", "band:mild", "flag:positive").</summary>
    internal static string Key(string row, string measure) => row + "|" + measure;

    /// <summary>Every published count of the table, keyed by <see cref="Key"/> (a mean goes with its count and is not compared).</summary>
    internal static IReadOnlyDictionary<string, int?> Counts(InstrumentAggregate table)
    {
        var counts = new Dictionary<string, int?>();
        foreach (var (row, key) in table.Groups.Select(g => (g, "group:" + g.Group)).Append((table.All, "all")))
        {
            counts[Key(key, "responses")] = row.Responses;
            for (var b = 0; b < table.Bands.Count && b < row.Bands.Count; b++) counts[Key(key, "band:" + table.Bands[b])] = row.Bands[b];
            for (var f = 0; f < table.Flags.Count && f < row.Flags.Count; f++) counts[Key(key, "flag:" + table.Flags[f])] = row.Flags[f];
        }
        return counts;
    }
}
