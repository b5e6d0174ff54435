namespace Kith.Lines.CannedResponses;

/// <summary>
/// A prepared reply an administrator wrote, in one language, for one line or (no line) all of them: the console offers
/// those in the conversation's language, and the responder sends it as their own reply (they may change it first).
/// </summary>
internal sealed class CannedResponse
{
    public Guid Id { get; set; }
    public Guid? LineId { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed record CannedResponseRequest(Guid? LineId, string? Language, string? Title, string? Text);

internal sealed record CannedResponseView(Guid Id, Guid? LineId, string Language, string Title, string Text, DateTime UpdatedAt)
{
    public static CannedResponseView Of(CannedResponse c) => new(c.Id, c.LineId, c.Language, c.Title, c.Text, c.UpdatedAt);
}
