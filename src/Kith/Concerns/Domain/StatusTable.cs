namespace Kith.Concerns.Domain;

/// <summary>
/// The deployment's statuses and allowed moves, as rules: which move is allowed, what a status means, and
/// what a move does to the concern (acknowledged on leaving "new", closed on entering "closed").
/// </summary>
internal sealed class StatusTable(IReadOnlyList<CaseStatus> statuses, IReadOnlyList<StatusTransition> transitions)
{
    public IReadOnlyList<CaseStatus> Statuses { get; } = statuses.OrderBy(s => s.Position).ToList();
    public IReadOnlyList<StatusTransition> Transitions => transitions;

    public string KindOf(string code) => Statuses.FirstOrDefault(s => s.Code == code)?.Kind ?? StatusKinds.Open;

    public string NameOf(string code) => Statuses.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public bool Allows(string from, string to) => transitions.Any(t => t.FromStatus == from && t.ToStatus == to);

    public IEnumerable<CaseStatus> NextFrom(string from) =>
        Statuses.Where(s => Allows(from, s.Code));

    /// <summary>The first status of a kind that can be reached from <paramref name="from"/> (e.g. "acknowledge" = first open one).</summary>
    public string? FirstReachable(string from, string kind) => NextFrom(from).FirstOrDefault(s => s.Kind == kind)?.Code;

    /// <summary>The first open status by position, reachable or not; null if the table has none.</summary>
    public string? FirstOpen => Statuses.FirstOrDefault(s => s.Kind == StatusKinds.Open)?.Code;

    /// <summary>Moves a concern, or says why it cannot. The caller records the change row.</summary>
    /// <param name="anyway">Past the transitions: only for risk that must reach a person whatever the table allows
    /// (a reporter's worrying message on a closed concern the table cannot reopen).</param>
    public string? Apply(Concern concern, string to, string? byId, DateTime now, bool anyway = false)
    {
        if (Statuses.All(s => s.Code != to)) return "No such status.";
        if (!anyway && !Allows(concern.Status, to)) return $"A concern cannot move from {NameOf(concern.Status)} to {NameOf(to)}.";
        var kind = KindOf(to);
        if (kind != StatusKinds.New && concern.AcknowledgedAt is null)
        {
            concern.AcknowledgedAt = now;
            concern.AcknowledgedBy = byId;
        }
        concern.ClosedAt = kind == StatusKinds.Closed ? now : null;
        concern.Status = to;
        concern.StatusChangedAt = now;
        concern.UpdatedAt = now;
        concern.Revision++;
        return null;
    }
}
