namespace Kith.Lines.Domain;

/// <summary>
/// One person's conversation with a line, over one channel. The sender is known only by a keyed hash of their
/// number (to find their conversation, their opt-out and their history) and, while a reply may be needed, the
/// number itself encrypted at rest. The tier says how fast someone must answer and <see cref="TierRules"/> says why.
/// </summary>
internal sealed class Conversation
{
    public Guid Id { get; set; }
    /// <summary>"T-7K3P-9XQM": what staff, pages and alerts name — never the number or what was written.</summary>
    public required string Reference { get; set; }
    public Guid LineId { get; set; }
    public required string Channel { get; set; }
    public required string Language { get; set; }
    public string Tier { get; set; } = ConversationTiers.Routine;
    /// <summary>The rules that set the tier, space-separated ("phrase.en.plan-or-means keyword.help").</summary>
    public string TierRules { get; set; } = "";
    public string Status { get; set; } = ConversationStatuses.Waiting;
    public string? AssignedTo { get; set; }
    public required string SenderHash { get; set; }
    /// <summary>Encrypted at rest; needed to reply. Never logged, never shown.</summary>
    public string? SenderNumber { get; set; }
    /// <summary>The texter sent STOP: nothing more is sent to them, but a risk tier keeps the conversation in front of a person.</summary>
    public bool OptedOut { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime LastMessageAt { get; set; }
    public DateTime? AssignedAt { get; set; }
    /// <summary>The newest message the responder holding it had on screen: the texter's later ones are unread.</summary>
    public DateTime? HolderReadAt { get; set; }
    /// <summary>When a person first took it (a transfer later does not move it): the end of its wait, for the facts.</summary>
    public DateTime? AnsweredAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? Disposition { get; set; }
    /// <summary>The directory services sent to the texter when it closed (service ids, space-separated; at most 3).</summary>
    public string Referrals { get; set; } = "";
    public int Revision { get; set; }
    /// <summary>The step of Responders' escalation chain paged last (0 the on-call), while nobody has taken it.</summary>
    public int EscalationLevel { get; set; }
    /// <summary>When someone must have taken it, once it was paged (null: never paged).</summary>
    public DateTime? AcknowledgeBy { get; set; }
    /// <summary>The line it rolled over from (outside hours, or waited past the limit), and when: it waits on the backup since then.</summary>
    public Guid? RolledFromLineId { get; set; }
    public DateTime? RolledOverAt { get; set; }
    /// <summary>When no line could answer: the crisis numbers were sent and the chain paged as for imminent risk.</summary>
    public DateTime? UnansweredAt { get; set; }
    /// <summary>When retention erased its messages and its link to the sender (see Retention/PurgeClosedConversations).</summary>
    public DateTime? PurgedAt { get; set; }
    /// <summary>A web-chat visitor pressed "End chat": nothing more reaches them, and their next message starts a new conversation.</summary>
    public DateTime? LeftAt { get; set; }

    /// <summary>Transferred cold or switched to another queue: since then it waits there (the routing and wait clocks restart).</summary>
    public DateTime? QueuedAt { get; set; }
    /// <summary>Transferred cold to a team: only its members may take it (cleared when it rolls over).</summary>
    public Guid? TeamId { get; set; }
    /// <summary>A warm transfer offered to this responder (the holder keeps it until they accept; declined or timed out, nothing moves).</summary>
    public string? OfferedTo { get; set; }
    public string? OfferedBy { get; set; }
    public DateTime? OfferedAt { get; set; }

    /// <summary>Since when it has waited on its present line (or queue).</summary>
    public DateTime WaitingSince => Since(StartedAt, RolledOverAt, QueuedAt);

    public static DateTime Since(DateTime started, DateTime? rolledOver, DateTime? queued) =>
        queued is { } q && q > (rolledOver ?? started) ? q : rolledOver ?? started;

    public bool IsRisk => Tier != ConversationTiers.Routine;

    /// <summary>A later message can only raise the tier; its rules join the earlier ones.</summary>
    public bool Raise(LineTriage triage)
    {
        var rules = TierRules.Split(' ', StringSplitOptions.RemoveEmptyEntries).Union(triage.Rules, StringComparer.Ordinal).ToList();
        TierRules = string.Join(' ', rules);
        if (ConversationTiers.Rank(triage.Tier) <= ConversationTiers.Rank(Tier)) return false;
        Tier = triage.Tier;
        return true;
    }
}

internal static class ConversationStatuses
{
    public const string Waiting = "waiting";
    public const string Active = "active";
    public const string Closed = "closed";
}

internal static class ConversationTiers
{
    public const string Routine = "routine";
    public const string Urgent = "urgent";
    public const string Imminent = "imminent";

    public static int Rank(string tier) => tier switch { Imminent => 2, Urgent => 1, _ => 0 };
}

/// <summary>One text in a conversation, in or out. The text is encrypted at rest; the provider id finds it again for delivery callbacks.</summary>
internal sealed class Message
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public required string Direction { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
    /// <summary>The responder who wrote it; null for the texter's own and for automatic texts.</summary>
    public string? AuthorId { get; set; }
    /// <summary>The provider's id (Twilio's MessageSid).</summary>
    public string? ProviderId { get; set; }
    /// <summary>queued, sent, delivered, undelivered, failed, read … as the provider reports; "replied" for a TwiML answer, "opted-out" when not sent.</summary>
    public string? DeliveryStatus { get; set; }
    public DateTime? StatusAt { get; set; }

    public const string In = "in";
    public const string Out = "out";
}

/// <summary>A number that sent STOP (by keyed hash): no text goes to it, from any line, until it sends START.</summary>
internal sealed class OptOut
{
    public required string SenderHash { get; set; }
    public DateTime At { get; set; }
}
