namespace Kith.Insights.Stories;

/// <summary>
/// A short story about a community's wellbeing, shared without a name on the public stories page with explicit consent.
/// It knows its area and its week (the Monday), never its day or time: the id is random, not time-ordered, so nothing
/// stored can single out who wrote it when. The words are encrypted at rest. The writer's own words
/// (<see cref="Original"/>) live only while the story waits for a moderator; publishing keeps only the de-identified
/// text (<see cref="Published"/>), rejecting keeps neither, withdrawing (with the receipt) deletes the row.
/// </summary>
internal sealed class Story
{
    public Guid Id { get; init; }
    public Guid AreaId { get; init; }
    /// <summary>The Monday of the week it was shared, in the deployment's time zone.</summary>
    public DateOnly Week { get; init; }
    public required string Language { get; init; }
    public string? Original { get; set; }
    public string? Published { get; set; }
    public required string Status { get; set; }
    /// <summary>The risk-language engine read danger in it: a concern was raised and the writer shown the crisis lines.</summary>
    public bool PassedToResponder { get; init; }
    /// <summary>The keyed hash of the receipt code that withdraws it.</summary>
    public required string ReceiptHash { get; init; }
    public string? ModeratedBy { get; set; }
    public DateTime? ModeratedAt { get; set; }
}

/// <summary>Where a story stands.</summary>
internal static class StoryStatus
{
    public const string Pending = "pending";
    public const string Published = "published";
    public const string Rejected = "rejected";
}
