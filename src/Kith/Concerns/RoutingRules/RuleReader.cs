using Kith.Concerns.Domain;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Kith.Responders.Contracts;

namespace Kith.Concerns.RoutingRules;

/// <summary>Reads the routing rules in the order the router tries them, each with its sentence and warnings.</summary>
internal sealed class RuleReader(KithDb db, ICommunityFacts community, IResponderTeams responderTeams, IStringLocalizer<SharedResource> T)
{
    public async Task<RuleBook> ReadAsync(CancellationToken ct)
    {
        var rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var teams = (await responderTeams.AllAsync(ct)).ToDictionary(t => t.Id);
        var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        var areas = (await community.AreasAsync(ct)).ToDictionary(a => a.Id, a => a.Name);
        bool Live(RoutingRule r) => r.Active && teams.TryGetValue(r.TeamId, out var t) && t.Active;

        var views = rules.Select((rule, i) =>
        {
            var team = teams.GetValueOrDefault(rule.TeamId);
            var sentence = RuleSentence.Describe(rule, team?.Name ?? "?", Name(organisations, rule.OrganisationId), Name(areas, rule.AreaId), T);
            var neverUsed = rules.Take(i).Any(earlier => Live(earlier) && RuleOrder.Covers(earlier, rule));
            return new RuleView(rule.Id, rule.Position, rule.TeamId, team?.Name ?? "?", team?.Active ?? false, rule.OrganisationId, rule.AreaId,
                rule.Category, rule.Language, rule.Tier, rule.Active, RuleOrder.IsCatchAll(rule), neverUsed, sentence);
        }).ToList();
        return new RuleBook(views, rules.Any(r => Live(r) && RuleOrder.IsCatchAll(r)));
    }

    private static string? Name(Dictionary<Guid, string> names, Guid? id) => id is { } key ? names.GetValueOrDefault(key) : null;
}
