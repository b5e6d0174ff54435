namespace Kith.Concerns.Domain;

/// <summary>A note, message or question on a concern. Internal notes never reach the reporter.</summary>
internal sealed class ConcernMessage
{
    public Guid Id { get; set; }
    public Guid ConcernId { get; set; }
    public DateTime At { get; set; }
    /// <summary>note (internal), message (to the reporter), question (to the reporter, awaits an answer), reporter (from the reporter).</summary>
    public required string Kind { get; set; }
    public string? AuthorId { get; set; }
    public required string Body { get; set; }

    public bool ReporterVisible => Kind is MessageKinds.Message or MessageKinds.Question or MessageKinds.Reporter;
}

internal static class MessageKinds
{
    public const string Note = "note";
    public const string Message = "message";
    public const string Question = "question";
    public const string Reporter = "reporter";
}

/// <summary>Every change of status, with the status before, who (null: an automatic rule) and why.</summary>
internal sealed class ConcernStatusChange
{
    public Guid Id { get; set; }
    public Guid ConcernId { get; set; }
    public DateTime At { get; set; }
    public string? PreviousStatus { get; set; }
    public required string Status { get; set; }
    public string? ById { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Something a person did for the one the concern is about: what the outcome reports count.</summary>
internal sealed class Intervention
{
    public Guid Id { get; set; }
    public Guid ConcernId { get; set; }
    public required string Type { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string ById { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A concern moved from one team to another, and why.</summary>
internal sealed class HandOff
{
    public Guid Id { get; set; }
    public Guid ConcernId { get; set; }
    public DateTime At { get; set; }
    public Guid? FromTeamId { get; set; }
    public Guid ToTeamId { get; set; }
    public required string ById { get; set; }
    public required string Reason { get; set; }
}

/// <summary>What a concern's alerts (Responders' in-app alerts, one per person, kind and step) can be about.</summary>
internal static class AlertKinds
{
    public const string New = Kith.Responders.Contracts.CommonAlertKinds.New;
    public const string Escalated = Kith.Responders.Contracts.CommonAlertKinds.Escalated;
    public const string ReporterReplied = "reporter-replied";
    /// <summary>A reporter's message raised the tier or reopened the concern: the chain must acknowledge it again.</summary>
    public const string RaisedByReporter = "raised-by-reporter";
    public const string HandedOff = "handed-off";
}
