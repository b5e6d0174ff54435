using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.Screening.Campaigns.Domain;
using Kith.Screening.Instruments;
using Microsoft.EntityFrameworkCore;

namespace Kith.Screening.Campaigns.Editing;

internal enum CampaignOutcome { Saved, Invalid, NotFound, Forbidden }

internal sealed record CampaignChange(CampaignOutcome Outcome, Guid? Id, IReadOnlyDictionary<string, string[]> Errors)
{
    public static CampaignChange Of(CampaignOutcome outcome) => new(outcome, null, new Dictionary<string, string[]>());
}

/// <summary>
/// Creating, changing and closing campaigns, for the pages and the API alike, audited. Once people have
/// answered, questionnaires and groups can be added but not taken away: the answers already given stay
/// counted under the names they were given under; and the dates can widen but not narrow. A campaign whose last
/// day has passed can be reopened by moving it later; the counts that come and go with that are the release
/// rule's to hold back (<see cref="Aggregates.CampaignReleases"/>).
/// </summary>
internal sealed class CampaignEditor(KithDb db, InstrumentLibrary library, DeploymentCalendar calendar, AuditLog audit, ICommunityFacts community)
{
    public async Task<CampaignChange> CreateAsync(CampaignRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (campaign, errors) = CampaignRules.Check(request, library, calendar.Today, isNew: true);
        if (campaign is null) return new(CampaignOutcome.Invalid, null, errors);
        if (!CampaignAccess.MayManage(user, campaign.OrganisationId)) return Invalid("organisationId", "You can run campaigns only for your own organisation.");
        if (await PlaceProblemAsync(campaign, ct) is { } problem) return problem;

        var now = calendar.UtcNow;
        var entity = new Campaign
        {
            Id = Guid.CreateVersion7(now), Code = CampaignCode.Generate(), Name = "", Audience = "", Instruments = "", Groups = "",
            CreatedBy = Actor(user) ?? "", CreatedAt = now,
        };
        Apply(entity, campaign, now);
        db.ScreeningCampaigns.Add(entity);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("screening.campaign-created", Actor(user), "campaign", entity.Id.ToString(), new { entity.OrganisationId }, ct);
        return new(CampaignOutcome.Saved, entity.Id, errors);
    }

    public async Task<CampaignChange> UpdateAsync(Guid id, CampaignRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var entity = await db.ScreeningCampaigns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entity is null) return CampaignChange.Of(CampaignOutcome.NotFound);
        if (!CampaignAccess.MayManage(user, entity.OrganisationId)) return CampaignChange.Of(CampaignOutcome.Forbidden);
        var (campaign, errors) = CampaignRules.Check(request with { OrganisationId = request.OrganisationId ?? entity.OrganisationId },
            library, calendar.Today, isNew: false);
        if (campaign is null) return new(CampaignOutcome.Invalid, null, errors);
        if (campaign.OrganisationId != entity.OrganisationId) return Invalid("organisationId", "A campaign stays with the organisation that started it.");
        if (await PlaceProblemAsync(campaign, ct) is { } problem) return problem;

        var answered = await db.ScreeningResponses.Where(r => r.CampaignId == id)
            .Select(r => new { r.InstrumentId, r.CampaignGroup }).Distinct().ToListAsync(ct);
        if (answered.Select(a => a.InstrumentId).Distinct().FirstOrDefault(i => !campaign.Instruments.Contains(i)) is { } kept)
            return Invalid("instruments", $"People have already answered {library.Find(kept)?.Name ?? kept}; it cannot be taken out.");
        if (answered.Select(a => a.CampaignGroup).OfType<string>().Distinct().FirstOrDefault(g => !campaign.Groups.Contains(g)) is { } group)
            return Invalid("groups", $"People in \"{group}\" have already answered; the group cannot be removed or renamed.");
        // Which answers count depends on the dates; moving them inwards once people have answered would publish the
        // same answers counted over another window (12 before, 13 after) next to each other.
        if (answered.Count > 0 && campaign.ClosesOn < entity.ClosesOn)
            return Invalid("closesOn", "People have already answered, so the last day can move later but not earlier.");
        if (answered.Count > 0 && campaign.OpensOn > entity.OpensOn)
            return Invalid("opensOn", "People have already answered, so the first day can move earlier but not later.");

        Apply(entity, campaign, calendar.UtcNow);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("screening.campaign-updated", Actor(user), "campaign", id.ToString(), ct: ct);
        return new(CampaignOutcome.Saved, id, errors);
    }

    /// <summary>Stops taking answers now, whatever the last day was. Closing twice changes nothing.</summary>
    public async Task<CampaignChange> CloseAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var entity = await db.ScreeningCampaigns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entity is null) return CampaignChange.Of(CampaignOutcome.NotFound);
        if (!CampaignAccess.MayManage(user, entity.OrganisationId)) return CampaignChange.Of(CampaignOutcome.Forbidden);
        if (entity.ClosedEarlyAt is null && entity.PhaseOn(calendar.Today) != CampaignPhase.Closed)
        {
            entity.ClosedEarlyAt = entity.UpdatedAt = calendar.UtcNow;
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync("screening.campaign-closed", Actor(user), "campaign", id.ToString(), ct: ct);
        }
        return new(CampaignOutcome.Saved, id, new Dictionary<string, string[]>());
    }

    private async Task<CampaignChange?> PlaceProblemAsync(CheckedCampaign campaign, CancellationToken ct)
    {
        var organisations = await community.OrganisationsAsync(ct);
        if (organisations.All(o => o.Id != campaign.OrganisationId)) return Invalid("organisationId", "That organisation does not exist.");
        if (campaign.AreaId is { } area && (await community.AreasAsync(ct)).All(a => a.Id != area)) return Invalid("areaId", "That area does not exist.");
        return null;
    }

    private static void Apply(Campaign entity, CheckedCampaign campaign, DateTime now)
    {
        entity.Name = campaign.Name;
        entity.OrganisationId = campaign.OrganisationId;
        entity.AreaId = campaign.AreaId;
        entity.Audience = campaign.Audience;
        entity.Instruments = string.Join(' ', campaign.Instruments);
        entity.Groups = string.Join('\n', campaign.Groups);
        entity.OpensOn = campaign.OpensOn;
        entity.ClosesOn = campaign.ClosesOn;
        entity.UpdatedAt = now;
    }

    private static CampaignChange Invalid(string field, string message) =>
        new(CampaignOutcome.Invalid, null, new Dictionary<string, string[]> { [field] = [message] });

    private static string? Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
