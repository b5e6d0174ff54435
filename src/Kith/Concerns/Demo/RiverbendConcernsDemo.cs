using Kith.Concerns.Domain;
using Kith.Platform.Data;
using Kith.Platform.Demo;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Demo;

/// <summary>
/// The concerns part of the Riverbend demo: rules that send the school's concerns to the high school's safety
/// team, danger to others or to self and Spanish concerns to the county crisis team, and everything else to the
/// county as well. Responders seeds the teams first (order 15); this adds only the rules that are missing.
/// </summary>
internal sealed class RiverbendConcernsDemo(KithDb db, ICommunityFacts community, IResponderTeams responderTeams, TimeProvider time) : IDemoContent
{
    public const string SchoolTeam = RiverbendTeams.School;
    public const string CountyTeam = RiverbendTeams.County;

    public int Order => 20;

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Name, o => o.Id);
        var teams = (await responderTeams.AllAsync(ct)).ToDictionary(t => t.Name, t => t.Id);
        // The community and responders parts of the demo made these; without them there is nothing to route to.
        if (!organisations.TryGetValue("Riverbend High School", out var school)
            || !teams.TryGetValue(SchoolTeam, out var schoolTeam) || !teams.TryGetValue(CountyTeam, out var county))
            return;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        RoutingRule[] rules =
        [
            new() { OrganisationId = school, TeamId = schoolTeam },
            new() { Category = "suicide-self-harm", Tier = "imminent", TeamId = county },
            new() { Category = "hurting-others", Tier = "imminent", TeamId = county },
            // A real deployment would send these to a Spanish-speaking team; the demo has none, so the county takes them.
            new() { Language = "es", TeamId = county },
            new() { TeamId = county }, // the catch-all: nothing goes to the administrators by default
        ];
        var existing = await db.RoutingRules.ToListAsync(ct);
        var position = existing.Count == 0 ? 0 : existing.Max(r => r.Position);
        foreach (var rule in rules.Where(r => !existing.Any(e => Same(e, r))))
        {
            rule.Id = Guid.CreateVersion7(now);
            rule.Position = ++position;
            db.RoutingRules.Add(rule);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static bool Same(RoutingRule a, RoutingRule b) =>
        a.TeamId == b.TeamId && a.OrganisationId == b.OrganisationId && a.AreaId == b.AreaId && a.Category == b.Category
        && a.Language == b.Language && a.Tier == b.Tier;
}
