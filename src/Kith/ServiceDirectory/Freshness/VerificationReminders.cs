using Kith.Platform.Time;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.ServiceDirectory.Freshness;

/// <summary>What a verification reminder carries: ids only.</summary>
internal sealed record VerificationDue(string ServiceId, Guid? KithOrganisationId);

/// <summary>
/// Daily: every active service not verified within <see cref="FreshnessOptions.VerifyEveryDays"/> (or never), and
/// not reminded within <see cref="FreshnessOptions.RemindEveryDays"/>, gets one outbox message, written in the
/// same transaction that stamps <c>VerificationReminderSentAt</c>. The job runner's lease runs it on one node at
/// a time; the stamp (set only if still unset or old) and the idempotency key (service + day) make a rerun harmless.
/// </summary>
internal sealed class VerificationReminders(KithDb db, DeploymentCalendar calendar, IOptions<FreshnessOptions> options) : IRecurringJob
{
    public const string Topic = "directory.verification_due";
    private const int Batch = 500;

    public string Name => "directory.verification-reminders";
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var today = calendar.Today;
        var stale = today.AddDays(-options.Value.VerifyEveryDays);
        var remindedBefore = now.AddDays(-options.Value.RemindEveryDays);
        while (true)
        {
            var due = await (from s in db.Services.AsNoTracking()
                             join o in db.DirectoryOrganizations on s.OrganizationId equals o.Id into orgs
                             from o in orgs.DefaultIfEmpty()
                             where s.Status == "active" && (s.AssuredDate == null || s.AssuredDate < stale)
                                   && (s.VerificationReminderSentAt == null || s.VerificationReminderSentAt <= remindedBefore)
                             orderby s.Id
                             select new VerificationDue(s.Id, o == null ? null : o.KithOrganisationId)).Take(Batch).ToListAsync(ct);
            if (due.Count == 0) return;
            await RemindAsync(due, now, today, remindedBefore, ct);
            if (due.Count < Batch) return;
        }
    }

    private async Task RemindAsync(IReadOnlyList<VerificationDue> due, DateTime now, DateOnly today, DateTime remindedBefore, CancellationToken ct)
    {
        var keys = due.ToDictionary(d => d.ServiceId, d => $"{Topic}:{d.ServiceId}:{today:yyyy-MM-dd}");
        var values = keys.Values.ToList();
        var sent = (await db.Outbox.Where(m => m.IdempotencyKey != null && values.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey!).ToListAsync(ct)).ToHashSet();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var d in due)
        {
            // Stamped only if nobody stamped it since we looked: one reminder per window, whoever runs.
            var stamped = await db.Services
                .Where(s => s.Id == d.ServiceId && (s.VerificationReminderSentAt == null || s.VerificationReminderSentAt <= remindedBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.VerificationReminderSentAt, now), ct);
            if (stamped == 1 && !sent.Contains(keys[d.ServiceId]))
                db.Outbox.Add(OutboxMessage.Create(Topic, d, now, idempotencyKey: keys[d.ServiceId]));
        }
        await db.SaveChangesAsync(ct);
        await db.BumpRevisionAsync(now, ct);
        await transaction.CommitAsync(ct);
    }
}
