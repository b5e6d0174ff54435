using Kith.Platform.Data;
using Kith.Platform.Messaging;
using Kith.Platform.Realtime;
using Kith.Responders.Contracts;
using Kith.Responders.Domain;
using Kith.Responders.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Responders.Paging;

/// <summary>
/// Pages people about a subject: an in-app alert each, and email/SMS for those who asked, written in the
/// caller's transaction so a page is never lost or sent for a change that did not commit. Messages carry
/// only the reference and a link — never what was reported. Live screens are nudged after the commit.
/// </summary>
internal sealed class Pager(KithDb db, EscalationChain chain, AcknowledgeDeadlines deadlines, ILiveEvents live,
    IStaffFacts staff, IOptions<ResponderOptions> options) : IPaging
{
    public Task<IReadOnlyList<Pagee>> ChainAsync(Guid? teamId, int level, DateTime nowUtc, CancellationToken ct) =>
        chain.AtAsync(teamId, level, nowUtc, ct);

    public async Task<IReadOnlyList<string>> PageAsync(Subject subject, string alertKind, int level, IReadOnlyList<Pagee> pagees,
        Func<string, PageText> wording, DateTime nowUtc, CancellationToken ct)
    {
        var ids = pagees.Select(p => p.UserId).Distinct().ToList();
        var already = await db.Alerts.AsNoTracking()
            .Where(a => a.SubjectKind == subject.Kind && a.SubjectId == subject.Id && a.Kind == alertKind && a.Level == level && ids.Contains(a.UserId))
            .Select(a => a.UserId).ToListAsync(ct);
        var contacts = await staff.FindAsync(ids, ct); // Community owns the accounts (ADR 22)
        var text = wording($"{options.Value.PublicBaseUrl?.TrimEnd('/')}{subject.Link}");
        foreach (var pagee in pagees.DistinctBy(p => p.UserId).Where(p => !already.Contains(p.UserId)))
        {
            db.Alerts.Add(new Alert
            {
                Id = Guid.CreateVersion7(nowUtc), UserId = pagee.UserId, SubjectKind = subject.Kind, SubjectId = subject.Id,
                SubjectReference = subject.Reference, SubjectLink = subject.Link, SubjectTier = subject.Tier,
                Kind = alertKind, Level = level, CreatedAt = nowUtc,
            });
            // Keyed to the alert written beside it, which did not exist before: no earlier commit can hold these keys.
            if (!contacts.TryGetValue(pagee.UserId, out var contact)) continue;
            var key = $"{subject.Kind}:{subject.Id:N}:{alertKind}:{level}:{pagee.UserId}";
            if (pagee.Email && !string.IsNullOrWhiteSpace(contact.Email))
                Messages.EnqueueNew(db, new OutgoingMessage(MessageChannel.Email, contact.Email, text.Subject, text.Body, key + ":email"), nowUtc);
            if (pagee.Sms && !string.IsNullOrWhiteSpace(contact.PhoneNumber))
                Messages.EnqueueNew(db, new OutgoingMessage(MessageChannel.Sms, contact.PhoneNumber, text.Subject, text.Body, key + ":sms"), nowUtc);
        }
        return ids;
    }

    public async Task NudgeAsync(string subjectKind, Guid subjectId, string change, IEnumerable<string> userIds, CancellationToken ct)
    {
        var data = System.Text.Json.JsonSerializer.Serialize(new { id = subjectId, kind = change });
        var events = userIds.Distinct().Select(user => new LiveEvent("user:" + user, subjectKind, data))
            .Append(new LiveEvent("role:" + Roles.Admin, subjectKind, data)).ToList();
        await live.PublishAsync(events, ct);
    }

    public DateTime AcknowledgeBy(string tier, DateTime nowUtc) => deadlines.From(tier, nowUtc);

    public void ScheduleDeadline(Subject subject, int level, DateTime dueAt, DateTime nowUtc) =>
        db.Outbox.Add(AcknowledgeDeadlineHandler.Schedule(subject.Kind, subject.Id, level, dueAt, nowUtc));

    public Task RetireDeadlinesAsync(string subjectKind, Guid subjectId, Guid because, DateTime nowUtc, CancellationToken ct)
    {
        var prefix = AcknowledgeDeadlineHandler.KeyPrefix(subjectKind, subjectId);
        var suffix = $":retired-{because:N}";
        return db.Outbox
            .Where(m => m.Topic == AcknowledgeDeadlineHandler.TopicName && m.IdempotencyKey != null
                        && m.IdempotencyKey.StartsWith(prefix) && !m.IdempotencyKey.Contains(":retired-"))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.IdempotencyKey, m => m.IdempotencyKey + suffix)
                .SetProperty(m => m.CompletedAt, m => m.CompletedAt ?? nowUtc), ct);
    }
}

/// <summary>Alerts as the owning module may read them.</summary>
internal sealed class ResponderAlerts(KithDb db) : IResponderAlerts
{
    public IQueryable<SubjectAlert> About(string subjectKind) =>
        db.Alerts.AsNoTracking().Where(a => a.SubjectKind == subjectKind).Select(a => new SubjectAlert
        {
            SubjectId = a.SubjectId, UserId = a.UserId, Kind = a.Kind, Level = a.Level, CreatedAt = a.CreatedAt, SeenAt = a.SeenAt,
        });

    public Task MarkSeenAsync(string subjectKind, Guid subjectId, string userId, DateTime nowUtc, CancellationToken ct) =>
        db.Alerts.Where(a => a.SubjectKind == subjectKind && a.SubjectId == subjectId && a.UserId == userId && a.SeenAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SeenAt, nowUtc), ct);
}
