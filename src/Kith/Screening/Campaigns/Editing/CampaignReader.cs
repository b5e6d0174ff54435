using System.Security.Claims;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.Screening.Campaigns.Aggregates;
using Kith.Screening.Campaigns.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Screening.Campaigns.Editing;

/// <summary>
/// Campaigns as staff see them: the ones they may manage, each with its link and how many have answered — that
/// count as the results released it (<see cref="CampaignReleases.ReleasedResponsesAsync"/>), so a first answer is
/// not announced and a count does not move by one beside released figures.
/// </summary>
internal sealed class CampaignReader(KithDb db, DeploymentCalendar calendar, ICommunityFacts community, CampaignReleases releases)
{
    public async Task<IReadOnlyList<CampaignView>> ListAsync(ClaimsPrincipal user, string origin, CancellationToken ct)
    {
        var query = db.ScreeningCampaigns.AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var mine = user.IsInRole(Roles.Coordinator) ? user.Organisations() : [];
            query = query.Where(c => mine.Contains(c.OrganisationId));
        }
        var campaigns = await query.OrderByDescending(c => c.OpensOn).ThenBy(c => c.Name).ToListAsync(ct);
        return await ViewsAsync(campaigns, origin, ct);
    }

    /// <summary>One campaign, if it exists and the person may manage it (<c>null, true</c>: it exists but is not theirs).</summary>
    public async Task<(CampaignView? View, bool Forbidden)> ReadAsync(Guid id, ClaimsPrincipal user, string origin, CancellationToken ct)
    {
        var campaign = await db.ScreeningCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return (null, false);
        if (!CampaignAccess.MayManage(user, campaign.OrganisationId)) return (null, true);
        return ((await ViewsAsync([campaign], origin, ct))[0], false);
    }

    /// <summary>The campaign behind a public link, for the participant pages (no access check: the code is the key).</summary>
    public async Task<Campaign?> ByCodeAsync(string? code, CancellationToken ct) =>
        CampaignCode.Normalize(code) is { } normal
            ? await db.ScreeningCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Code == normal, ct)
            : null;

    public static string Link(string origin, string code) => $"{origin}/s/{code}";

    private async Task<IReadOnlyList<CampaignView>> ViewsAsync(List<Campaign> campaigns, string origin, CancellationToken ct)
    {
        var ids = campaigns.Select(c => c.Id).ToList();
        var answered = (await db.ScreeningResponses.Where(r => r.CampaignId != null && ids.Contains(r.CampaignId.Value))
            .Select(r => r.CampaignId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var counts = new Dictionary<Guid, int?>();
        foreach (var c in campaigns)
            counts[c.Id] = await releases.ReleasedResponsesAsync(c.Id, c.InstrumentIds.FirstOrDefault(), answered.Contains(c.Id), ct);
        var names = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        var today = calendar.Today;
        return campaigns.Select(c => new CampaignView(
            c.Id, c.Name, c.OrganisationId, names.GetValueOrDefault(c.OrganisationId, ""), c.AreaId, c.Audience,
            c.InstrumentIds, c.GroupNames, c.OpensOn, c.ClosesOn, PhaseCode(c.PhaseOn(today)), c.Code, Link(origin, c.Code),
            c.ClosedEarlyAt, counts[c.Id])).ToList();
    }

    public static string PhaseCode(CampaignPhase phase) => phase switch
    {
        CampaignPhase.NotOpenYet => "not-open-yet",
        CampaignPhase.Open => "open",
        _ => "closed",
    };
}
