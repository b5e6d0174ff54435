namespace Kith.Lines.CheckIns;

/// <summary>
/// A member's agreement to get texts from a line on a schedule: check-ins ("How are you doing today, 1–5?") or caring
/// contacts after a crisis conversation. The member is known by the same keyed hash as a texter, and the number is kept
/// encrypted only while the schedule (or a paused one that may resume) needs it.
/// </summary>
internal sealed class CheckIn
{
    public Guid Id { get; set; }
    public Guid LineId { get; set; }
    /// <summary><see cref="CheckInKinds.CheckIn"/> or <see cref="CheckInKinds.Caring"/>.</summary>
    public required string Kind { get; set; }
    public required string SenderHash { get; set; }
    /// <summary>Encrypted at rest; erased when the schedule ends or is stopped.</summary>
    public string? Number { get; set; }
    public required string Language { get; set; }
    public string Status { get; set; } = CheckInStatuses.AwaitingYes;
    /// <summary>How the member agreed, in the recorder's words ("verbal on call"), who recorded it and when.</summary>
    public required string ConsentHow { get; set; }
    public string? ConsentBy { get; set; }
    public DateTime ConsentAt { get; set; }
    /// <summary>When the member's own phone answered YES to the first text: nothing else is sent before.</summary>
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>Minutes after local midnight, in the line's time zone.</summary>
    public int LocalMinutes { get; set; }
    /// <summary>Weekday codes ("monday friday"); empty with <see cref="EveryDays"/> set.</summary>
    public string Weekdays { get; set; } = "";
    public int? EveryDays { get; set; }
    public int ReplyWithinHours { get; set; } = 24;
    /// <summary>Caring contacts: the name the texter chose to sign them, and the local dates they fall on (yyyy-MM-dd, space-separated).</summary>
    public string? SenderName { get; set; }
    public string DueDates { get; set; } = "";
    /// <summary>Caring contacts: the crisis conversation they follow.</summary>
    public Guid? ConversationId { get; set; }
    public DateTime? NextDueAt { get; set; }
    public int? LastScore { get; set; }
    public DateTime? LastRepliedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
}

internal static class CheckInKinds
{
    public const string CheckIn = "check-in";
    public const string Caring = "caring";
    /// <summary>A send only: the first text, asking the member to confirm with YES.</summary>
    public const string Consent = "consent";
}

internal static class CheckInStatuses
{
    public const string AwaitingYes = "awaiting-yes";
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Stopped = "stopped";
    public const string Ended = "ended";
}

/// <summary>
/// One due text of a schedule, made once (unique by schedule, kind and due time) by whichever node's job found it due,
/// and sent once by the outbox. A check-in's answer (score, words read by a person) or silence is kept here too.
/// </summary>
internal sealed class CheckInSend
{
    public Guid Id { get; set; }
    public Guid CheckInId { get; set; }
    public Guid LineId { get; set; }
    public required string Kind { get; set; }
    public DateTime DueAt { get; set; }
    /// <summary>pending, sent, skipped (opted out or paused when due), opted-out (STOP between making and sending), undeliverable.</summary>
    public string Status { get; set; } = "pending";
    public string? ProviderId { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>A check-in's answer is awaited until then; silence after it asks a person to look.</summary>
    public DateTime? ReplyBy { get; set; }
    public DateTime? RepliedAt { get; set; }
    public int? Score { get; set; }
    public bool Silent { get; set; }
    /// <summary>The queue conversation this answer (or silence) opened, if any.</summary>
    public Guid? QueueConversationId { get; set; }
}
