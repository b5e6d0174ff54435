using System.Security.Claims;
using Kith.Concerns.Contracts;

namespace Kith.Screening.Identified;

/// <summary>The team an identified response is recorded for, or why none can be (a problem for the <c>team</c> field).</summary>
internal sealed record TeamChoice(Guid? TeamId, IReadOnlyDictionary<string, string[]> Problems, IReadOnlyList<MemberTeam> Teams)
{
    public bool Refused => Problems.Count > 0;
}

/// <summary>
/// Decides which team records an identified response — and so who reads it (<see cref="ScreeningAccess"/>).
/// The team asked for, if the person is on it; else their only active team. A responder on no team cannot
/// record (nobody but administrators could read it back); one on several must say which. An administrator on
/// no team records for none: administrators, and the team holding any concern it raises, read it.
/// </summary>
internal sealed class RecordingTeam(IConcernTeams teams)
{
    public const string Field = "team";

    public async Task<TeamChoice> ChooseAsync(ClaimsPrincipal user, string? requested, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = id is null ? [] : (await teams.TeamsOfAsync(id, ct)).Where(t => t.Active).ToList();
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Guid? chosen = null;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            if (Guid.TryParse(requested, out var asked) && mine.Any(t => t.Id == asked)) chosen = asked;
            else problems[Field] = ["Choose one of your teams."];
        }
        else if (mine.Count == 1) chosen = mine[0].Id;
        else if (mine.Count > 1) problems[Field] = ["Choose the team you are recording this screening for."];
        else if (!user.IsInRole(Roles.Admin))
            problems[Field] = ["You are not on a team, so nobody could read this screening back. Ask an administrator to add you to your team."];
        return new(chosen, problems, mine);
    }
}
