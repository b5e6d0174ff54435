using System.Globalization;
using Kith.Concerns.Contracts;
using Kith.Groups.Domain;
using Kith.Platform.Data;
using Kith.Platform.Safety;
using Kith.Platform.Security;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Feedback;

/// <summary>What giving feedback came to: its status, and for a comment that raised a concern its receipt (shown once).</summary>
internal sealed record FeedbackResult(int Status, bool Concern = false, string? Receipt = null);

/// <summary>A session's feedback as its organiser sees it: how many answered, the mean, the comments (no names), and how many went to a responder.</summary>
internal sealed record SessionFeedbackView(DateTime SessionLocal, int Answers, decimal? MeanHelpful, IReadOnlyList<string> Comments, int PassedToResponder);

/// <summary>
/// The optional short survey after a session, opened from the member's groups page for two weeks after each session
/// they had a place in. A comment goes through the one risk-language engine like any message: if it speaks of danger the
/// member sees the crisis lines at once and a concern is raised to the group's organisation (paged and escalated as any
/// other) with the words they wrote — never their name — and a receipt to read the reply.
/// </summary>
internal sealed class SessionFeedbackBox(KithDb db, GroupCode codes, IConcernIntake concerns, DeploymentCalendar calendar)
{
    /// <summary>How long after a session its survey stays open.</summary>
    public static readonly TimeSpan Open = TimeSpan.FromDays(14);
    public const int CommentMax = 1000;

    /// <summary>Per enrolment of the member (enrolled), the latest session that has begun within <see cref="Open"/> and has no feedback from them.</summary>
    /// <param name="answeredToo">Also when answered: a resent answer (a refresh) must find its form, then be told it counted once.</param>
    public async Task<IReadOnlyDictionary<Guid, Session>> DueAsync(IReadOnlyCollection<(Guid Enrolment, Guid Group)> places, CancellationToken ct, Guid? answeredToo = null)
    {
        var due = new Dictionary<Guid, Session>();
        var nowLocal = calendar.ToLocal(calendar.UtcNow);
        foreach (var (enrolment, groupId) in places)
        {
            var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == groupId, ct);
            var changes = await db.GroupSessionChanges.AsNoTracking().Where(c => c.GroupId == groupId).ToListAsync(ct);
            var last = Schedule.Sessions(group, changes, calendar.ZoneId).LastOrDefault(s => !s.Cancelled && s.StartLocal <= nowLocal);
            if (last is null || nowLocal - last.StartLocal > Open) continue;
            var once = OnceHash(enrolment, last.OriginalStartLocal);
            if (enrolment == answeredToo || !await db.GroupFeedback.AnyAsync(f => f.OnceHash == once, ct)) due[enrolment] = last;
        }
        return due;
    }

    public async Task<FeedbackResult> GiveAsync(Guid groupId, Guid enrolment, DateTime sessionLocal, int helpful, string? comment, string language, CancellationToken ct)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (helpful is < 1 or > 5 || comment is { Length: > CommentMax }) return new(StatusCodes.Status400BadRequest);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == groupId, ct);
        var once = OnceHash(enrolment, sessionLocal);
        if (await db.GroupFeedback.AnyAsync(f => f.OnceHash == once, ct)) return new(StatusCodes.Status409Conflict);

        var risk = RiskLanguage.ReadNarrative(comment, language).OrderByDescending(s => s.Tier).FirstOrDefault();
        string? receipt = null;
        if (risk is not null)
        {
            var (raised, _) = await concerns.RaiseAsync(new RaisedConcern(
                risk.Tier == RiskTier.Imminent ? RaisedTier.Imminent : RaisedTier.Urgent, "groups:feedback:" + risk.Rule, ["other"],
                $"Feedback after the session of \"{group.Name}\" on {sessionLocal.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}, given without a name "
                + $"on the member's groups page (they were shown the crisis lines): \"{comment}\"",
                language, group.OrganisationId, null), ct);
            receipt = raised?.Receipt;
        }
        db.GroupFeedback.Add(new SessionFeedback
        {
            Id = Guid.CreateVersion7(calendar.UtcNow), GroupId = groupId, SessionLocal = sessionLocal, Helpful = helpful, Comment = comment,
            PassedToResponder = risk is not null, OnceHash = once, GivenAt = calendar.UtcNow,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new(StatusCodes.Status409Conflict, risk is not null, receipt); // the same answer sent twice at once: it counted once
        }
        return new(StatusCodes.Status201Created, risk is not null, receipt);
    }

    /// <summary>The organiser's view, sessions newest first.</summary>
    public async Task<IReadOnlyList<SessionFeedbackView>> ForOrganiserAsync(Guid groupId, CancellationToken ct) =>
        [.. (await db.GroupFeedback.AsNoTracking().Where(f => f.GroupId == groupId).ToListAsync(ct))
            .GroupBy(f => f.SessionLocal).OrderByDescending(g => g.Key)
            // A mean of one or two answers would be those people's own: shown from three.
            .Select(g => new SessionFeedbackView(g.Key, g.Count(), g.Count() >= 3 ? Math.Round((decimal)g.Average(f => f.Helpful), 1) : null,
                [.. g.Where(f => !f.PassedToResponder && f.Comment is not null).OrderBy(f => f.Id).Select(f => f.Comment!)], g.Count(f => f.PassedToResponder)))];

    private string OnceHash(Guid enrolment, DateTime sessionLocal) =>
        codes.Hash($"feedback:{enrolment:N}:{sessionLocal.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)}");
}
