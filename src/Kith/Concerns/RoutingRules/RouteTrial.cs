using Kith.Concerns.Domain;
using Kith.Concerns.Routing;
using Kith.Concerns.Contracts;
using Kith.Platform.Data;
using Kith.Platform.Localization;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.RoutingRules;

/// <summary>
/// "Test a concern": routes an unsaved concern with the router the real submissions use, and says which rule
/// and team would take it and who would be paged first now. Nothing is written.
/// </summary>
internal sealed class RouteTrial(TeamRouter router, IPaging paging, RuleReader rules, IStaffFacts staff, IResponderTeams responderTeams, TimeProvider time)
{
    public async Task<(AdminResult Check, RouteTestResult? Result)> RunAsync(RouteTestRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var categories = (request.Categories ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToList();
        if (categories.Any(c => !ConcernAnswers.IsCategory(c)) || categories.Count > ConcernAnswers.Categories.Count)
            errors["categories"] = ["Choose a category from the list."];
        var language = string.IsNullOrWhiteSpace(request.Language) ? "en" : request.Language;
        if (!Cultures.IsSupported(language)) errors["language"] = ["Choose English, Spanish or Somali."];
        if (!Tiers.TryParse(request.Tier, out var tier)) errors["tier"] = ["Choose imminent, urgent or routine."];
        if (errors.Count > 0) return (AdminResult.Invalid(errors), null);

        var now = time.GetUtcNow().UtcDateTime;
        var concern = new Concern
        {
            Reference = "test", Channel = "test", About = "friend", Categories = string.Join(' ', categories), Urgency = "can-wait",
            Language = language, OrganisationId = request.OrganisationId, AreaId = request.AreaId, Tier = tier.Code(), TriageRules = "",
            Status = "new", SubmittedAt = now,
        };
        var (teamId, ruleId) = await router.RouteAsync(concern, ct);
        var rule = ruleId is null ? null : (await rules.ReadAsync(ct)).Rules.SingleOrDefault(r => r.Id == ruleId);
        var team = teamId is { } id ? (await responderTeams.FindAsync([id], ct)).GetValueOrDefault(id)?.Name : null;
        var paged = await paging.ChainAsync(teamId, 0, now, ct);
        // Someone paged whose account is gone shows by id, as the team pages show them.
        var people = await staff.FindAsync(paged.Select(p => p.UserId).Distinct(), ct);
        return (AdminResult.Saved(), new RouteTestResult(rule, teamId, team,
            paged.Select(p => people.GetValueOrDefault(p.UserId)?.DisplayName ?? p.UserId).Order().ToList()));
    }
}
