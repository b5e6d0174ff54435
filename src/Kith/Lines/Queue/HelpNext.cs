using Kith.Lines.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Queue;

/// <summary>What "help the next person" answers: the conversation now in the responder's hands, or why there is none.</summary>
internal sealed record NextPerson(ConversationSummary? Conversation, string? Refusal);

internal sealed record ConversationSummary(Guid Id, string Reference, Guid LineId, string Channel, string Language, string Tier,
    IReadOnlyList<string> TierRules, string Status, bool OptedOut, DateTime StartedAt, DateTime? AssignedAt)
{
    public static ConversationSummary Of(Conversation c) => new(c.Id, c.Reference, c.LineId, c.Channel, c.Language, c.Tier,
        c.TierRules.Split(' ', StringSplitOptions.RemoveEmptyEntries), c.Status, c.OptedOut, c.StartedAt, c.AssignedAt);
}

/// <summary>
/// "Help the next person" (the Crisis Text Line pattern: responders never pick): the highest tier, then the longest
/// waiting, among the waiting conversations of the lines the responder's teams staff, while they hold fewer than
/// the concurrency limit. Taking it is one conditional update (still waiting → theirs), so two responders pressing at
/// once never get the same person: the database lets one update win and the other moves on to the next.
/// </summary>
internal sealed class HelpNext(KithDb db, IResponderTeams teams, IPaging paging, Conversations.ConversationNews news, Routing.Router router, AuditLog audit, TimeProvider time)
{
    private const int Attempts = 10;

    public async Task<NextPerson> TakeAsync(string userId, CancellationToken ct)
    {
        var limit = await router.LimitOfAsync(userId, ct);
        var held = await router.HeldAsync(userId, ct);
        if (held >= limit) return new(null, Refusal(held));
        var now = time.GetUtcNow().UtcDateTime;
        // Only what routing lets this responder take now (language and skill steps, a team's own transfers), in queue order.
        foreach (var next in (await router.OpenToAsync(userId, await StaffedLinesAsync(userId, ct), now, ct)).Take(Attempts))
        {
            var taken = await db.LineConversations
                .Where(c => c.Id == next && c.Status == ConversationStatuses.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConversationStatuses.Active).SetProperty(c => c.AssignedTo, userId)
                    .SetProperty(c => c.AssignedAt, now).SetProperty(c => c.AnsweredAt, c => c.AnsweredAt ?? now).SetProperty(c => c.TeamId, (Guid?)null).SetProperty(c => c.Revision, c => c.Revision + 1), ct);
            if (taken != 1) continue; // someone else took it a moment ago: the next one
            // The same responder pressing twice at once passed the count above twice: counted again after taking (each
            // take has committed), whatever went past the limit goes straight back to the queue, so no one holds more.
            if (await router.HeldAsync(userId, ct) > limit)
            {
                await db.LineConversations.Where(c => c.Id == next && c.AssignedTo == userId && c.Status == ConversationStatuses.Active)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConversationStatuses.Waiting).SetProperty(c => c.AssignedTo, (string?)null)
                        .SetProperty(c => c.AssignedAt, (DateTime?)null).SetProperty(c => c.AnsweredAt, c => c.AnsweredAt == now ? (DateTime?)null : c.AnsweredAt)
                        .SetProperty(c => c.Revision, c => c.Revision + 1), ct);
                return new(null, Refusal(limit));
            }
            // Taken is acknowledged: the escalation checks of its pages no longer apply.
            await paging.RetireDeadlinesAsync(Conversations.ConversationAlerts.Kind, next, Guid.CreateVersion7(now), now, ct);
            var conversation = await db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == next, ct);
            // Every other responder's queue drops it, on every node (ids only).
            await news.ChangedAsync(conversation, ct);
            await audit.RecordAsync("lines.conversation-taken", userId, "line-conversation", conversation.Id.ToString(), null, ct);
            return new(ConversationSummary.Of(conversation), null);
        }
        return new(null, null);
    }

    private static string Refusal(int held) => $"You are already helping {held} people, the most you hold at once. Close one first.";

    /// <summary>The waiting conversations on these lines in the order they are given: highest tier, then longest waiting.</summary>
    public static IQueryable<Conversation> Waiting(KithDb db, IReadOnlyCollection<Guid> lines) =>
        InOrder(db.LineConversations.AsNoTracking().Where(c => lines.Contains(c.LineId) && c.Status == ConversationStatuses.Waiting));

    /// <summary>The queue's order: highest tier, then longest waiting.</summary>
    public static IOrderedQueryable<Conversation> InOrder(IQueryable<Conversation> conversations) =>
        conversations.OrderByDescending(c => c.Tier == ConversationTiers.Imminent ? 2 : c.Tier == ConversationTiers.Urgent ? 1 : 0)
            .ThenBy(c => c.StartedAt).ThenBy(c => c.Id);

    /// <summary>The active lines any of the person's teams answer.</summary>
    public async Task<List<Guid>> StaffedLinesAsync(string userId, CancellationToken ct)
    {
        var mine = (await teams.TeamsOfAsync(userId, ct)).Where(t => t.Active).Select(t => t.Id.ToString()).ToHashSet();
        var lines = await db.Lines.AsNoTracking().Where(l => l.Active).Select(l => new { l.Id, l.Teams }).ToListAsync(ct);
        return [.. lines.Where(l => l.Teams.Split(' ').Any(mine.Contains)).Select(l => l.Id)];
    }
}
