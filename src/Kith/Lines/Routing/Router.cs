using System.Security.Claims;
using Kith.Lines.Domain;
using Kith.Lines.Queue;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Lines.Routing;

/// <summary>
/// Which waiting conversations routing lets a responder take now, in the queue's order (tier, then waiting time), and
/// how many they may hold. A conversation sent to a team waits for that team's members only; any other waits on its
/// line, held by the line's routing steps (language, skill) until each step's time has passed.
/// </summary>
internal sealed class Router(KithDb db, IResponderTeams teams, IPaging paging, IOptions<LineOptions> options, TimeProvider time)
{
    public async Task<int> LimitOfAsync(string userId, CancellationToken ct) =>
        await db.LineResponderProfiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.MaxActive).SingleOrDefaultAsync(ct)
        ?? options.Value.MaxActivePerResponder;

    public Task<int> HeldAsync(string userId, CancellationToken ct) =>
        db.LineConversations.CountAsync(c => c.AssignedTo == userId && c.Status == ConversationStatuses.Active, ct);

    /// <summary>Whether the person may hold one more conversation.</summary>
    public async Task<bool> HasRoomAsync(string userId, CancellationToken ct) => await HeldAsync(userId, ct) < await LimitOfAsync(userId, ct);

    /// <summary>The waiting conversations on <paramref name="lines"/> (or sent to the person's teams) routing lets them take now, in order.</summary>
    public async Task<List<Guid>> OpenToAsync(string userId, IReadOnlyCollection<Guid> lines, DateTime now, CancellationToken ct)
    {
        var mine = (await teams.TeamsOfAsync(userId, ct)).Where(t => t.Active).Select(t => (Guid?)t.Id).ToList();
        var speaker = Speaker.Of(await db.LineResponderProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct));
        var waiting = await HelpNext.InOrder(db.LineConversations.AsNoTracking().Where(c => c.Status == ConversationStatuses.Waiting
                && ((c.TeamId == null && lines.Contains(c.LineId)) || (c.TeamId != null && mine.Contains(c.TeamId)))))
            .Select(c => new { c.Id, c.LineId, c.Language, c.TeamId, c.StartedAt, c.RolledOverAt, c.QueuedAt }).ToListAsync(ct);
        var steps = await StepsAsync([.. waiting.Select(w => w.LineId).Distinct()], ct);
        return [.. waiting.Where(w => w.TeamId is not null || !steps.TryGetValue(w.LineId, out var held)
                || RoutingRules.MayTake(held, now - Conversation.Since(w.StartedAt, w.RolledOverAt, w.QueuedAt), w.Language, speaker))
            .Select(w => w.Id)];
    }

    public async Task<Dictionary<Guid, IReadOnlyList<StepRule>>> StepsAsync(IReadOnlyCollection<Guid> lines, CancellationToken ct) =>
        (await db.LineRoutingSteps.AsNoTracking().Where(s => lines.Contains(s.LineId)).OrderBy(s => s.Position).ToListAsync(ct))
            .GroupBy(s => s.LineId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StepRule>)[.. g.Select(s => new StepRule(s.Language, s.Skill, s.Seconds))]);

    /// <summary>An administrator, or the lead of a team that staffs the line: who may redirect its queue and move others' conversations.</summary>
    public async Task<bool> SupervisesAsync(ClaimsPrincipal user, Guid lineId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return true;
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var staffing = await db.Lines.AsNoTracking().Where(l => l.Id == lineId).Select(l => l.Teams).SingleOrDefaultAsync(ct);
        if (me is null || staffing is null) return false;
        var now = time.GetUtcNow().UtcDateTime;
        // Step 1 of Responders' escalation chain is the team lead (the one contract that names them).
        foreach (var team in staffing.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse))
            if ((await paging.ChainAsync(team, 1, now, ct)).Any(p => p.UserId == me)) return true;
        return false;
    }
}
