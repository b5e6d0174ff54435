using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Kith.Responders.Contracts;

namespace Kith.Concerns.Contracts;

/// <summary>A team a staff member is on, as other modules may name it: id, name, whether it still takes work.</summary>
internal sealed record MemberTeam(Guid Id, string Name, bool Active);

/// <summary>
/// What other modules may know of teams (screening decides who reads an identified response by them):
/// which teams a person is on, and which of the concerns a screening raised those teams hold now.
/// </summary>
internal interface IConcernTeams
{
    Task<IReadOnlyList<MemberTeam>> TeamsOfAsync(string userId, CancellationToken ct);

    /// <summary>References of screening-raised concerns routed or handed off to one of <paramref name="teams"/> (their team now).</summary>
    Task<IReadOnlyList<string>> ScreeningConcernsHeldByAsync(IReadOnlyCollection<Guid> teams, CancellationToken ct);
}

internal sealed class ConcernTeamsFromDatabase(KithDb db, IResponderTeams teams) : IConcernTeams
{
    public async Task<IReadOnlyList<MemberTeam>> TeamsOfAsync(string userId, CancellationToken ct) =>
        [.. (await teams.TeamsOfAsync(userId, ct)).Select(t => new MemberTeam(t.Id, t.Name, t.Active))];

    public async Task<IReadOnlyList<string>> ScreeningConcernsHeldByAsync(IReadOnlyCollection<Guid> held, CancellationToken ct)
    {
        if (held.Count == 0) return [];
        var screening = nameof(Submit.SubmissionChannel.Screening).ToLowerInvariant();
        return await db.Concerns.AsNoTracking()
            .Where(c => c.Channel == screening && c.TeamId != null && held.Contains(c.TeamId.Value))
            .Select(c => c.Reference).ToListAsync(ct);
    }
}
