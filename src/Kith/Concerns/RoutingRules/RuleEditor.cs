using Kith.Concerns.Contracts;
using Kith.Concerns.Domain;
using Kith.Platform.Data;
using Kith.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Kith.Responders.Contracts;

namespace Kith.Concerns.RoutingRules;

/// <summary>
/// Adds, changes, moves and deletes routing rules, validated and audited alike for the API and the pages.
/// A new rule goes just before the first catch-all, where it can still take concerns.
/// </summary>
internal sealed class RuleEditor(KithDb db, ICommunityFacts community, IResponderTeams responderTeams, TimeProvider time, AdminChanges changes)
{
    public async Task<AdminResult> CreateAsync(RuleRequest request, string? actorId, CancellationToken ct)
    {
        var errors = await CheckAsync(request, ct);
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        var rules = await db.RoutingRules.OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var rule = new RoutingRule { Id = Guid.CreateVersion7(time.GetUtcNow().UtcDateTime) };
        Apply(rule, request);
        var catchAll = rules.FindIndex(RuleOrder.IsCatchAll);
        rules.Insert(catchAll < 0 || RuleOrder.IsCatchAll(rule) ? rules.Count : catchAll, rule);
        Renumber(rules);
        db.RoutingRules.Add(rule);
        return await changes.SaveAsync("rule-created", actorId, "concern-routing-rule", rule.Id.ToString(), Detail(rule), ct);
    }

    public async Task<AdminResult> UpdateAsync(Guid id, RuleRequest request, string? actorId, CancellationToken ct)
    {
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return AdminResult.NotFound;
        var errors = await CheckAsync(request, ct);
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        Apply(rule, request);
        return await changes.SaveAsync("rule-updated", actorId, "concern-routing-rule", id.ToString(), Detail(rule), ct);
    }

    public async Task<AdminResult> DeleteAsync(Guid id, string? actorId, CancellationToken ct)
    {
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return AdminResult.NotFound;
        db.RoutingRules.Remove(rule);
        return await changes.SaveAsync("rule-deleted", actorId, "concern-routing-rule", id.ToString(), Detail(rule), ct);
    }

    /// <summary>Swaps the rule with its neighbour; at the top (or bottom) already, nothing changes.</summary>
    public async Task<AdminResult> MoveAsync(Guid id, string? direction, string? actorId, CancellationToken ct)
    {
        if (direction is not ("up" or "down"))
            return AdminResult.Invalid(new() { ["direction"] = ["Choose up or down."] });
        var rules = await db.RoutingRules.OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var index = rules.FindIndex(r => r.Id == id);
        if (index < 0) return AdminResult.NotFound;
        var other = direction == "up" ? index - 1 : index + 1;
        if (other < 0 || other >= rules.Count) return AdminResult.Saved(id.ToString());
        (rules[index], rules[other]) = (rules[other], rules[index]);
        Renumber(rules);
        return await changes.SaveAsync("rule-moved", actorId, "concern-routing-rule", id.ToString(), new { direction, position = rules[other].Position }, ct);
    }

    private async Task<Dictionary<string, string[]>> CheckAsync(RuleRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.TeamId is not { } team || !await responderTeams.IsActiveAsync(team, ct))
            errors["teamId"] = ["Choose an active team to send these concerns to."];
        if (r.OrganisationId is { } org && (await community.OrganisationsAsync(ct)).All(o => o.Id != org))
            errors["organisationId"] = ["That organisation does not exist."];
        if (r.AreaId is { } area && (await community.AreasAsync(ct)).All(a => a.Id != area))
            errors["areaId"] = ["That area does not exist."];
        if (Blank(r.Category) is { } category && !ConcernAnswers.IsCategory(category))
            errors["category"] = ["Choose a category from the list."];
        if (Blank(r.Language) is { } language && !Cultures.IsSupported(language))
            errors["language"] = ["Choose English, Spanish or Somali."];
        if (Blank(r.Tier) is { } tier && !Tiers.TryParse(tier, out _))
            errors["tier"] = ["Choose imminent, urgent or routine."];
        return errors;
    }

    private static void Apply(RoutingRule rule, RuleRequest r)
    {
        rule.TeamId = r.TeamId!.Value;
        rule.OrganisationId = r.OrganisationId;
        rule.AreaId = r.AreaId;
        rule.Category = Blank(r.Category);
        rule.Language = Blank(r.Language);
        rule.Tier = Blank(r.Tier);
        rule.Active = r.Active ?? rule.Active;
    }

    /// <summary>Positions 1, 2, 3… in list order, so gaps and ties left by older edits never decide the order.</summary>
    private static void Renumber(List<RoutingRule> rules)
    {
        for (var i = 0; i < rules.Count; i++) rules[i].Position = i + 1;
    }

    private static object Detail(RoutingRule r) => new
    {
        position = r.Position, teamId = r.TeamId, organisationId = r.OrganisationId, areaId = r.AreaId,
        category = r.Category, language = r.Language, tier = r.Tier, active = r.Active,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
