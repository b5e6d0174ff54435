using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Escalation;

/// <summary>
/// Tells Responders' deadline checks whether a paged conversation still waits: nobody took it, it is not closed,
/// and it is still at the step the check was scheduled for. Taken = acknowledged. The chain is that of the first team
/// of the line it waits on now (after a rollover, the backup line's). The conversation is tracked, so the step it
/// reaches commits with the pages, and its revision lets a responder taking it at that moment win.
/// </summary>
internal sealed class ConversationEscalation(KithDb db) : ISubjectEscalation
{
    public string Kind => ConversationAlerts.Kind;

    public async Task<IEscalatingSubject?> WaitingAtAsync(Guid id, int level, CancellationToken ct)
    {
        var conversation = await db.LineConversations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is not { Status: ConversationStatuses.Waiting, ClosedAt: null, AcknowledgeBy: not null } || conversation.EscalationLevel != level)
            return null;
        var teams = await db.Lines.AsNoTracking().Where(l => l.Id == conversation.LineId).Select(l => l.Teams).SingleAsync(ct);
        var team = teams.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Cast<Guid?>().FirstOrDefault();
        return new Waiting(conversation, team);
    }

    private sealed class Waiting(Conversation conversation, Guid? team) : IEscalatingSubject
    {
        public Subject Subject => ConversationAlerts.Of(conversation);
        public Guid? TeamId => team;
        public DateTime AcknowledgeBy => conversation.AcknowledgeBy ?? DateTime.MinValue;

        public PageText Wording(string alertKind, string link) => new(
            $"Kith: nobody has taken {conversation.Reference} ({conversation.Tier})",
            $"A texter on {conversation.Reference} ({conversation.Tier}) is still waiting for a person. Help them now: {link}");

        public void Reached(int level, DateTime acknowledgeBy, DateTime nowUtc)
        {
            conversation.EscalationLevel = level;
            conversation.AcknowledgeBy = acknowledgeBy;
            conversation.Revision++;
        }

        public void Escalated(int level) { }
    }
}
