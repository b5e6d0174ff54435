using System.Security.Claims;
using Kith.Screening.Contracts;

namespace Kith.Insights.Campaigns;

/// <summary>
/// One group of one campaign for the chosen instrument and band (<c>Group</c> "" for all groups): its published responses,
/// its published count in the band, the share in the band (only when both counts it rests on are published and there
/// are responses) and the published mean score. Null wherever the campaign's release hides the number.
/// </summary>
internal sealed record GroupShare(string Group, int? Responses, int? InBand, decimal? Share, decimal? MeanScore)
{
    /// <summary>Nobody answered: nothing is hidden, there is simply nothing to show.</summary>
    public bool Empty => Responses == 0;
}

/// <summary>A campaign's rows: its groups in the campaign's order, then all groups.</summary>
internal sealed record CampaignShares(ReadableCampaign Campaign, DateOnly? CountedThrough, bool Held, DateTime? ReleasedAt, IReadOnlyList<GroupShare> Rows);

/// <summary>What was asked for and could not be shown: an instrument no library has, or a band the instrument lacks.</summary>
internal enum FilterProblem { UnknownInstrument, UnknownBand }

/// <summary>
/// Campaign groups for Insights (ADR 0053): for every campaign the reader may read that uses the instrument, each group's
/// figures from the campaign's own release (<see cref="ICampaignResults"/>), never counted again here — a second table
/// of the same answers, hidden differently, could be subtracted from the campaign's to give a hidden count away.
/// The page and its CSV both come from here, so they cannot differ.
/// </summary>
internal sealed record CampaignGroups(IReadOnlyList<CampaignInstrument> Instruments, CampaignInstrument? Instrument, CampaignBand? Band,
    IReadOnlyList<CampaignShares> Campaigns, int? MinimumCellSize, IReadOnlyList<FilterProblem> Problems)
{
    /// <param name="instrument">An instrument id ("phq-a"); none: the first used by a readable campaign.</param>
    /// <param name="band">A band code of that instrument; none: its last (highest) band.</param>
    /// <param name="strict">For the CSV: with a problem, count nothing (the page instead shows the defaults beside the message).</param>
    public static async Task<CampaignGroups> LoadAsync(ICampaignResults results, ClaimsPrincipal user, string? instrument, string? band, bool strict,
        CancellationToken ct)
    {
        var readable = await results.ReadableAsync(user, ct);
        var used = readable.SelectMany(c => c.Instruments).DistinctBy(i => i.Id).OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var problems = new List<FilterProblem>();
        var asked = string.IsNullOrEmpty(instrument) ? null : results.Instrument(instrument);
        if (!string.IsNullOrEmpty(instrument) && asked is null) problems.Add(FilterProblem.UnknownInstrument);
        var chosen = asked ?? (problems.Count > 0 && strict ? null : used.FirstOrDefault());
        var chosenBand = chosen?.Bands.FirstOrDefault(b => b.Code == band);
        if (!string.IsNullOrEmpty(band) && asked is not null && chosenBand is null) problems.Add(FilterProblem.UnknownBand);
        chosenBand ??= chosen?.Bands.LastOrDefault();
        if ((strict && problems.Count > 0) || chosen is null || chosenBand is null)
            return new(used, chosen, chosenBand, [], null, problems);

        var campaigns = new List<CampaignShares>();
        int? threshold = null;
        foreach (var campaign in readable.Where(c => c.Instruments.Any(i => i.Id == chosen.Id)))
        {
            var figures = await results.FiguresAsync(campaign.Id, user, ct);
            var table = figures?.Instruments.FirstOrDefault(i => i.Instrument.Id == chosen.Id);
            if (figures is null || table is null) continue;
            threshold = figures.MinimumCellSize;
            var b = table.Instrument.Bands.ToList().FindIndex(x => x.Code == chosenBand.Code);
            campaigns.Add(new(campaign, figures.CountedThrough, table.Held, table.ReleasedAt,
                [.. table.Groups.Append(table.All).Select(row => Share(row, b))]));
        }
        return new(used, chosen, chosenBand, campaigns, threshold, problems);
    }

    /// <summary>The share rests on two published counts; derived from them alone, it tells nothing they do not.</summary>
    private static GroupShare Share(CampaignGroupFigures row, int band)
    {
        var inBand = band >= 0 && band < row.Bands.Count ? row.Bands[band] : null;
        decimal? share = row.Responses is > 0 && inBand is { } n
            ? Math.Round(100m * n / row.Responses.Value, 1, MidpointRounding.AwayFromZero)
            : null;
        return new(row.Group, row.Responses, inBand, share, row.MeanScore);
    }
}
