using Kith.Concerns.Domain;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Kith.Responders.Contracts;

namespace Kith.Concerns.Routing;

/// <summary>
/// Chooses the team for a concern: the first active rule, by position, whose conditions all match and
/// whose team is active. No match leaves the concern with no team, and the administrators are paged —
/// a concern is never routed to nobody.
/// </summary>
internal sealed class TeamRouter(KithDb db, IResponderTeams teams)
{
    public async Task<(Guid? TeamId, Guid? RuleId)> RouteAsync(Concern concern, CancellationToken ct)
    {
        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Position).ToListAsync(ct);
        var activeTeams = (await teams.AllAsync(ct)).Where(t => t.Active).Select(t => t.Id).ToHashSet();
        var rule = rules.FirstOrDefault(r => activeTeams.Contains(r.TeamId) && r.Matches(concern));
        return (rule?.TeamId, rule?.Id);
    }
}
