namespace Kith.Concerns.RoutingRules;

/// <summary>
/// A routing rule as sent to <c>POST/PUT /api/concerns/admin/rules</c> and by the rule form. Every condition is
/// optional (empty matches anything); a rule without conditions is the catch-all. Active null keeps it as it is.
/// </summary>
internal sealed record RuleRequest(Guid? TeamId, Guid? OrganisationId = null, Guid? AreaId = null, string? Category = null,
    string? Language = null, string? Tier = null, bool? Active = null);

/// <summary>Moves a rule one place: "up" (tried sooner) or "down".</summary>
internal sealed record MoveRequest(string? Direction);

/// <summary>A concern to try against the rules without saving anything ("test a concern").</summary>
internal sealed record RouteTestRequest(Guid? OrganisationId, Guid? AreaId, List<string>? Categories, string? Language, string? Tier);

/// <summary>
/// One rule as the list shows it: its plain-language sentence (in the reader's language), whether it is the
/// catch-all, and whether it can ever take a concern (an earlier rule may already take everything it would).
/// </summary>
public sealed record RuleView(Guid Id, int Position, Guid TeamId, string TeamName, bool TeamActive, Guid? OrganisationId, Guid? AreaId,
    string? Category, string? Language, string? Tier, bool Active, bool CatchAll, bool NeverUsed, string Sentence);

/// <summary>The rules in the order they are tried, and whether a catch-all stops concerns from going to the administrators.</summary>
public sealed record RuleBook(IReadOnlyList<RuleView> Rules, bool HasCatchAll);

/// <summary>
/// What would happen to the test concern: the rule and team that take it (none: the administrators are paged),
/// and who would be paged first right now.
/// </summary>
public sealed record RouteTestResult(RuleView? Rule, Guid? TeamId, string? TeamName, IReadOnlyList<string> PagedFirst);
