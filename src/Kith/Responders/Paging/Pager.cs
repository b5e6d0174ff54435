using Kith.Concerns.Domain;
using Kith.Platform.Data;
using Kith.Platform.Messaging;
using Kith.Platform.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Concerns.Routing;

/// <summary>
/// Pages people about a concern: an in-app alert each, and email/SMS for those who asked, written in the
/// caller's transaction so a page is never lost or sent for a change that did not commit. Messages carry
/// only the reference and a link — never what was reported. Live screens are nudged after the commit.
/// </summary>
internal sealed class Pager(KithDb db, ILiveEvents live, IOptions<ConcernOptions> options)
{
    public async Task<IReadOnlyList<string>> PageAsync(Concern concern, string kind, int level, IReadOnlyList<Pagee> pagees,
        DateTime now, CancellationToken ct)
    {
        var ids = pagees.Select(p => p.UserId).Distinct().ToList();
        var already = await db.Alerts.AsNoTracking()
            .Where(a => a.ConcernId == concern.Id && a.Kind == kind && a.Level == level && ids.Contains(a.UserId))
            .Select(a => a.UserId).ToListAsync(ct);
        var contacts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.PhoneNumber }).ToDictionaryAsync(u => u.Id, ct);
        var (subject, body) = Wording(concern, kind);
        foreach (var pagee in pagees.DistinctBy(p => p.UserId).Where(p => !already.Contains(p.UserId)))
        {
            db.Alerts.Add(new Alert
            {
                Id = Guid.CreateVersion7(now), UserId = pagee.UserId, ConcernId = concern.Id, Kind = kind, Level = level, CreatedAt = now,
            });
            // Keyed to the alert written beside it, which did not exist before: no earlier commit can hold these keys.
            if (!contacts.TryGetValue(pagee.UserId, out var contact)) continue;
            var key = $"concern:{concern.Id:N}:{kind}:{level}:{pagee.UserId}";
            if (pagee.Email && !string.IsNullOrWhiteSpace(contact.Email))
                Messages.EnqueueNew(db, new OutgoingMessage(MessageChannel.Email, contact.Email, subject, body, key + ":email"), now);
            if (pagee.Sms && !string.IsNullOrWhiteSpace(contact.PhoneNumber))
                Messages.EnqueueNew(db, new OutgoingMessage(MessageChannel.Sms, contact.PhoneNumber, subject, body, key + ":sms"), now);
        }
        return ids;
    }

    /// <summary>After the commit: open consoles of the people paged (and administrators) fetch the change.</summary>
    public async Task NudgeAsync(Guid concernId, string kind, IEnumerable<string> userIds, CancellationToken ct)
    {
        var data = System.Text.Json.JsonSerializer.Serialize(new { id = concernId, kind });
        var events = userIds.Distinct().Select(user => new LiveEvent("user:" + user, "concern", data))
            .Append(new LiveEvent("role:" + Roles.Admin, "concern", data)).ToList();
        await live.PublishAsync(events, ct);
    }

    private (string Subject, string Body) Wording(Concern concern, string kind)
    {
        var link = $"{options.Value.PublicBaseUrl?.TrimEnd('/')}/staff/concerns/{concern.Id}";
        var tier = concern.TierValue.Title().ToLowerInvariant();
        return kind switch
        {
            AlertKinds.Escalated => ($"Kith: {concern.Reference} needs acknowledging now",
                $"Nobody has acknowledged a concern ({concern.Reference}, {tier}) in time, and you are the next step. Open it: {link}"),
            AlertKinds.ReporterReplied => ($"Kith: the reporter answered on {concern.Reference}", $"The reporter of {concern.Reference} wrote back. Open it: {link}"),
            AlertKinds.HandedOff => ($"Kith: {concern.Reference} was handed to your team", $"A concern ({concern.Reference}, {tier}) was handed to your team. Open it: {link}"),
            _ => ($"Kith: new concern {concern.Reference} ({tier})", $"A new concern ({concern.Reference}, {tier}) needs acknowledging. Open it: {link}"),
        };
    }
}
