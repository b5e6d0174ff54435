using System.Globalization;
using System.Security.Claims;
using Kith.Community.Contracts;
using Kith.Platform.Data;
using Kith.Screening.Campaigns.Aggregates;
using Kith.Screening.Campaigns.Editing;
using Kith.Screening.Instruments;
using Microsoft.EntityFrameworkCore;

namespace Kith.Screening.Contracts;

/// <summary>A band of an instrument: its code and its title in the reader's language, in the instrument's order.</summary>
internal sealed record CampaignBand(string Code, string Title);

/// <summary>An instrument as campaign results name it: id ("phq-a"), short name ("PHQ-A") and bands.</summary>
internal sealed record CampaignInstrument(string Id, string Name, IReadOnlyList<CampaignBand> Bands);

/// <summary>A campaign someone may read the results of, without its figures. Instruments in the order participants answer them.</summary>
internal sealed record ReadableCampaign(Guid Id, string Name, Guid OrganisationId, string OrganisationName,
    DateOnly OpensOn, DateOnly ClosesOn, IReadOnlyList<CampaignInstrument> Instruments);

/// <summary>
/// One group's published figures (<c>Group</c> "" for all groups): responses, a count per band (in the instrument's
/// order) and the mean score. Null wherever the campaign's own release hides the number.
/// </summary>
internal sealed record CampaignGroupFigures(string Group, int? Responses, IReadOnlyList<int?> Bands, decimal? MeanScore);

/// <summary>
/// One instrument's figures exactly as the campaign's own page shows them, from the same release. <c>Held</c>: newer
/// answers are not shown yet (they would move a count by too few people), and <c>ReleasedAt</c> says since when these are.
/// </summary>
internal sealed record CampaignInstrumentFigures(CampaignInstrument Instrument, IReadOnlyList<CampaignGroupFigures> Groups,
    CampaignGroupFigures All, bool Held, DateTime? ReleasedAt);

/// <summary>A campaign's results: while it is open, answers are counted through <c>CountedThrough</c> (yesterday).</summary>
internal sealed record CampaignFigures(ReadableCampaign Campaign, int MinimumCellSize, DateOnly? CountedThrough,
    IReadOnlyList<CampaignInstrumentFigures> Instruments);

/// <summary>
/// Campaign results for other modules (Insights shows campaign groups beside its indicators, ADR 0053). Never a second
/// count: every figure is the campaign's own release, hidden the same way, and only for those who may read the
/// campaign's aggregates (an administrator, or a coordinator of the organisation that runs it).
/// </summary>
internal interface ICampaignResults
{
    /// <summary>The campaigns <paramref name="user"/> may read, in date order (first day, then name).</summary>
    Task<IReadOnlyList<ReadableCampaign>> ReadableAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>One campaign's figures, or null when it does not exist or <paramref name="user"/> may not read it.</summary>
    Task<CampaignFigures?> FiguresAsync(Guid campaignId, ClaimsPrincipal user, CancellationToken ct);

    /// <summary>A library instrument with its bands (null when there is none): to tell a bad filter from an unused one.</summary>
    CampaignInstrument? Instrument(string? instrumentId);
}

/// <summary>
/// Reads through <see cref="CampaignAggregates.CountAsync"/>, the path the campaign page takes, so a figure shown here
/// is stored as (or checked against) that campaign's releases and never differs from what its page and CSV show.
/// Titles are in the current UI language.
/// </summary>
internal sealed class CampaignResultsFromReleases(KithDb db, CampaignAggregates aggregates, InstrumentLibrary library, ICommunityFacts community)
    : ICampaignResults
{
    public async Task<IReadOnlyList<ReadableCampaign>> ReadableAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        // The campaign page's rule applied as written (not re-expressed as a query), so the two cannot drift apart.
        var all = await db.ScreeningCampaigns.AsNoTracking().ToListAsync(ct);
        var readable = all.Where(c => CampaignAccess.MayManage(user, c.OrganisationId)).ToList();
        if (readable.Count == 0) return [];
        var names = await NamesAsync(ct);
        return [.. readable.OrderBy(c => c.OpensOn).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => Summary(c, names))];
    }

    public async Task<CampaignFigures?> FiguresAsync(Guid campaignId, ClaimsPrincipal user, CancellationToken ct)
    {
        var campaign = await db.ScreeningCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null || !CampaignAccess.MayManage(user, campaign.OrganisationId)) return null;
        var report = await aggregates.CountAsync(campaign, ct);
        return new CampaignFigures(Summary(campaign, await NamesAsync(ct)), report.MinimumCellSize, report.CountedThrough,
            [.. report.Instruments.Select(table => new CampaignInstrumentFigures(
                Named(table.Instrument, table.Name, table.Bands), [.. table.Groups.Select(Row)], Row(table.All), table.Held, table.ReleasedAt))]);
    }

    public CampaignInstrument? Instrument(string? instrumentId) =>
        library.Find(instrumentId) is { } instrument ? Named(instrument.Id, instrument.Name, [.. instrument.Bands.Select(b => b.Code)]) : null;

    /// <summary>The bands as the release lists them (its counts follow that order), titled from the library.</summary>
    private CampaignInstrument Named(string id, string name, IReadOnlyList<string> bands)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var defined = library.Find(id)?.Bands ?? [];
        return new(id, name, [.. bands.Select(code => new CampaignBand(code, defined.FirstOrDefault(b => b.Code == code)?.Title.In(language) ?? code))]);
    }

    private ReadableCampaign Summary(Campaigns.Domain.Campaign c, IReadOnlyDictionary<Guid, string> names) => new(
        c.Id, c.Name, c.OrganisationId, names.GetValueOrDefault(c.OrganisationId, ""), c.OpensOn, c.ClosesOn,
        [.. c.InstrumentIds.Select(Instrument).OfType<CampaignInstrument>()]);

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken ct) =>
        (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Id, o => o.Name);

    private static CampaignGroupFigures Row(GroupRow row) => new(row.Group, row.Responses, row.Bands, row.MeanScore);
}
