using System.Linq.Expressions;
using System.Security.Claims;
using Kith.Community.Contracts;
using Kith.Concerns.Contracts;
using Kith.Screening.Domain;

namespace Kith.Screening.Identified;

/// <summary>Who is reading, as far as identified responses care: their teams and the screening concerns those teams hold.</summary>
internal sealed record ScreeningReader(string UserId, bool Admin, IReadOnlyList<Guid> Teams, IReadOnlyList<string> HeldConcerns);

/// <summary>
/// The one check for identified screening responses, used by the list, the page and FHIR alike: a response is
/// read by the team that recorded it, the team holding the concern it raised, and administrators — nobody else,
/// whatever their organisation. It fails closed: no account, another role, a password still to change, no team
/// on the response and no concern held all read nothing. The rule is one expression, so the list filters in the
/// database by exactly the rule a single read is checked by.
/// </summary>
internal sealed class ScreeningAccess(IConcernTeams teams)
{
    /// <summary>The reader, or null for someone who reads no identified response at all.</summary>
    public async Task<ScreeningReader?> ReaderAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (id is null || user.HasClaim(StaffClaims.MustChangePassword, "true")) return null;
        var admin = user.IsInRole(Roles.Admin);
        if (!admin && !user.IsInRole(Roles.Responder)) return null;
        // A responder's teams (any, active or not: as for concerns, membership is what opens a team's records).
        var mine = user.IsInRole(Roles.Responder) ? (await teams.TeamsOfAsync(id, ct)).Select(t => t.Id).ToList() : [];
        var held = await teams.ScreeningConcernsHeldByAsync(mine, ct);
        return new ScreeningReader(id, admin, mine, held);
    }

    /// <summary>The responses <paramref name="reader"/> may read. Anonymous responses are never among them.</summary>
    public static Expression<Func<ScreeningResponse, bool>> Readable(ScreeningReader reader)
    {
        if (reader.Admin) return r => r.Identified;
        var mine = reader.Teams;
        var held = reader.HeldConcerns;
        return r => r.Identified
                    && ((r.TeamId != null && mine.Contains(r.TeamId.Value))
                        || (r.ConcernReference != null && held.Contains(r.ConcernReference)));
    }

    /// <summary>Whether the reader reads it as a member (of the recording or the concern's team) rather than only as an administrator.</summary>
    public static bool AsMember(ScreeningReader reader, ScreeningResponse response) =>
        (response.TeamId is { } team && reader.Teams.Contains(team))
        || (response.ConcernReference is { } reference && reader.HeldConcerns.Contains(reference));
}
