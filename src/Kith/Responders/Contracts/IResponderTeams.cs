namespace Kith.Responders.Contracts;

/// <summary>A team as other modules may know it: id, name, and whether it still takes work.</summary>
internal sealed record ResponderTeam(Guid Id, string Name, bool Active);

/// <summary>Whether a team is covered now: somebody on call, and anybody at all who can still be paged.</summary>
internal sealed record TeamCover(Guid Id, string Name, bool Active, bool OnCallNow, bool NobodyToPage);

/// <summary>
/// What other modules may read of teams (ADR 18, ADR 22): who is on which team and what teams are called.
/// Responders owns the tables; a client routes, scopes and names by these answers only.
/// </summary>
internal interface IResponderTeams
{
    /// <summary>Every team, active or not, by name.</summary>
    Task<IReadOnlyList<ResponderTeam>> AllAsync(CancellationToken ct);

    /// <summary>The teams among <paramref name="ids"/> that exist (unknown ids are simply absent).</summary>
    Task<IReadOnlyDictionary<Guid, ResponderTeam>> FindAsync(IEnumerable<Guid> ids, CancellationToken ct);

    /// <summary>The teams a person is on, by name.</summary>
    Task<IReadOnlyList<ResponderTeam>> TeamsOfAsync(string userId, CancellationToken ct);

    /// <summary>The team exists and still takes work (a hand-off or routing rule may name it).</summary>
    Task<bool> IsActiveAsync(Guid teamId, CancellationToken ct);

    Task<bool> IsMemberAsync(Guid teamId, string userId, CancellationToken ct);

    /// <summary>The ids of everyone on any of <paramref name="teams"/>, each once.</summary>
    Task<IReadOnlyList<string>> MembersOfAsync(IReadOnlyCollection<Guid> teams, CancellationToken ct);

    /// <summary>Every team's cover now, by name, as the team list judges it (the routing overview's warnings).</summary>
    Task<IReadOnlyList<TeamCover>> CoverAsync(CancellationToken ct);
}
