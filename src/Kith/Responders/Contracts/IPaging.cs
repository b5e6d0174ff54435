namespace Kith.Responders.Contracts;

/// <summary>
/// Paging people about a subject. Everything that writes is added to the caller's unit of work (its
/// <c>KithDb</c> scope) and commits with the caller's change, so a page is never lost nor sent for a change that
/// did not commit; <see cref="NudgeAsync"/> runs after the commit.
/// </summary>
internal interface IPaging
{
    /// <summary>Who step <paramref name="level"/> of the escalation chain pages for a team (see <c>EscalationChain</c>).</summary>
    Task<IReadOnlyList<Pagee>> ChainAsync(Guid? teamId, int level, DateTime nowUtc, CancellationToken ct);

    /// <summary>
    /// An in-app alert each (once per person, subject, alert kind and level), and email/SMS for those who asked,
    /// worded by <paramref name="wording"/> from the absolute link. Returns everyone the page was meant for.
    /// </summary>
    Task<IReadOnlyList<string>> PageAsync(Subject subject, string alertKind, int level, IReadOnlyList<Pagee> pagees,
        Func<string, PageText> wording, DateTime nowUtc, CancellationToken ct);

    /// <summary>After the commit: open screens of these people (and administrators) fetch the change.</summary>
    Task NudgeAsync(string subjectKind, Guid subjectId, string change, IEnumerable<string> userIds, CancellationToken ct);

    /// <summary>When a subject of this tier must be acknowledged if paged now (each escalation step gets the same allowance).</summary>
    DateTime AcknowledgeBy(string tier, DateTime nowUtc);

    /// <summary>Checks at <paramref name="dueAt"/> whether the subject was acknowledged, and escalates it if not (see <see cref="ISubjectEscalation"/>).</summary>
    void ScheduleDeadline(Subject subject, int level, DateTime dueAt, DateTime nowUtc);

    /// <summary>The subject's pending deadline checks no longer apply (it changed hands): marked done, their keys freed.</summary>
    Task RetireDeadlinesAsync(string subjectKind, Guid subjectId, Guid because, DateTime nowUtc, CancellationToken ct);
}

/// <summary>In-app alerts, for the module whose subjects they are about.</summary>
internal interface IResponderAlerts
{
    /// <summary>Alerts about subjects of one kind, to compose into the module's own queries.</summary>
    IQueryable<SubjectAlert> About(string subjectKind);

    /// <summary>The person has seen the subject: their unseen alerts about it are marked seen.</summary>
    Task MarkSeenAsync(string subjectKind, Guid subjectId, string userId, DateTime nowUtc, CancellationToken ct);
}

/// <summary>
/// Implemented by each module whose subjects are paged about, once per kind: Responders asks it when a deadline
/// passes. The subject is loaded for change in the same <c>KithDb</c> scope, so the step it reaches, the pages and
/// the next check commit together (its own concurrency token decides a race with an acknowledgement).
/// </summary>
internal interface ISubjectEscalation
{
    string Kind { get; }

    /// <summary>The subject if it still waits for acknowledgement at <paramref name="level"/>; null if acknowledged, closed, gone or moved on.</summary>
    Task<IEscalatingSubject?> WaitingAtAsync(Guid id, int level, CancellationToken ct);
}

internal interface IEscalatingSubject
{
    Subject Subject { get; }
    Guid? TeamId { get; }
    DateTime AcknowledgeBy { get; }
    PageText Wording(string alertKind, string link);
    /// <summary>Records the step reached and its deadline on the subject (saved with the pages).</summary>
    void Reached(int level, DateTime acknowledgeBy, DateTime nowUtc);
    /// <summary>After the commit (metrics).</summary>
    void Escalated(int level);
}
