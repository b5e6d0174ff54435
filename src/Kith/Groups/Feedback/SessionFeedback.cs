namespace Kith.Groups.Feedback;

/// <summary>
/// What a member said about one session: how helpful it was (1–5) and, if they wished, a few words (encrypted at rest).
/// Anonymous to the organiser: no member or enrolment is kept, only a keyed hash that stops the same person answering
/// twice for one session. A comment in which the risk-language engine heard danger went to a responder instead.
/// </summary>
internal sealed class SessionFeedback
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    /// <summary>The session, by the start its rule gives it (local).</summary>
    public DateTime SessionLocal { get; set; }
    public int Helpful { get; set; }
    public string? Comment { get; set; }
    /// <summary>The comment raised a concern: responders have it; the organiser is told only that one was passed on.</summary>
    public bool PassedToResponder { get; set; }
    public required string OnceHash { get; set; }
    public DateTime GivenAt { get; set; }
}
