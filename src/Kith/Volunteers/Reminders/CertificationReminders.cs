using System.Globalization;
using Kith.Community.Contracts;
using Kith.Lines.Contracts;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Messaging;
using Kith.Platform.Time;
using Kith.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Volunteers.Reminders;

/// <summary>
/// Every quarter hour, on whichever node holds the job's lease, from 9 am where the deployment is: a person whose
/// certificate enters its renewal window is told once, by the route they chose (never a text to a number that sent STOP),
/// and told once more the day after it lapses — and their supervisor gets each notice by email. Once, whichever node and
/// however many runs see it: each notice is claimed on the certificate (a conditional update only one transaction wins)
/// in the transaction that enqueues it — the outbox's keys alone would not do, as it forgets delivered keys after a week
/// and a renewal window lasts longer. A renewal (a later certificate of the same training) silences the old one's
/// notices; ended helpers get none.
/// </summary>
internal sealed class CertificationReminders(KithDb db, ITextOptOuts optOuts, IStaffFacts staff, DeploymentCalendar calendar) : IRecurringJob
{
    /// <summary>No notices before this local hour: a reminder is not worth a text at dawn.</summary>
    public const int FromHour = 9;
    /// <summary>How long after a certificate lapses its notice may still go (a deployment down for a day still tells them).</summary>
    public const int LapsedNoticeDays = 7;

    public string Name => "volunteers.certification-reminders";
    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = calendar.UtcNow;
        if (calendar.ToLocal(now).Hour < FromHour) return;
        var today = calendar.Today;
        var earliest = today.AddDays(-LapsedNoticeDays);
        var latest = today.AddDays(366);
        var candidates = await (from c in db.Certifications.AsNoTracking()
                                join t in db.Trainings.AsNoTracking() on c.TrainingId equals t.Id
                                join v in db.Volunteers.AsNoTracking() on c.VolunteerId equals v.Id
                                where c.ExpiresOn >= earliest && c.ExpiresOn <= latest && v.Status == VolunteerStatus.Active
                                select new { Certification = c, Training = t, Volunteer = v }).ToListAsync(ct);
        if (candidates.Count == 0) return;
        var ids = candidates.Select(c => c.Volunteer.Id).Distinct().ToList();
        var latestExpiry = (await db.Certifications.AsNoTracking().Where(c => ids.Contains(c.VolunteerId))
                .GroupBy(c => new { c.VolunteerId, c.TrainingId }).Select(g => new { g.Key.VolunteerId, g.Key.TrainingId, Last = g.Max(c => c.ExpiresOn) }).ToListAsync(ct))
            .ToDictionary(x => (x.VolunteerId, x.TrainingId), x => x.Last);
        var supervisors = await staff.FindAsync(candidates.Select(c => c.Volunteer.SupervisorId).OfType<string>().Distinct(), ct);

        foreach (var x in candidates)
        {
            var c = x.Certification;
            if (latestExpiry[(c.VolunteerId, c.TrainingId)] != c.ExpiresOn) continue; // renewed: the later certificate speaks
            var standing = Certificates.On(today, c.ExpiresOn, x.Training.RenewalDays);
            if (standing == Standing.Current) continue;
            var notice = standing == Standing.Lapsed ? "lapsed" : "renew";
            var day = c.ExpiresOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            var (toThem, toSupervisor) = standing == Standing.Lapsed
                ? ($"Kith: your {x.Training.Name} certificate ended on {day}. Until it is renewed you cannot be scheduled to lead sessions that need it. Your coordinator can help you book a course.",
                   $"{x.Volunteer.Name}'s {x.Training.Name} certificate ended on {day}. Until it is renewed Kith will not schedule them to lead sessions that need it: find cover and help them book a course.")
                : ($"Kith: your {x.Training.Name} certificate ends on {day}. Renew it before then to keep leading sessions that need it.",
                   $"{x.Volunteer.Name}'s {x.Training.Name} certificate ends on {day}: it is time to renew it.");
            var subject = standing == Standing.Lapsed ? $"{x.Training.Name} certificate ended" : $"{x.Training.Name} certificate: time to renew";
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await ClaimAsync(c.Id, standing == Standing.Lapsed, now, ct)) continue; // sent before, or by the other node just now
            await ChosenRoute.SendAsync(db, optOuts, x.Volunteer.ContactRoute, x.Volunteer.Contact, subject, toThem, $"volunteers:cert:{c.Id}:{notice}", now, ct);
            if (x.Volunteer.SupervisorId is { } s && supervisors.TryGetValue(s, out var supervisor) && supervisor is { Active: true, Email: { Length: > 0 } email })
                await Messages.EnqueueAsync(db, new OutgoingMessage(MessageChannel.Email, email, subject, toSupervisor + " (Kith, people who help.)", $"volunteers:cert:{c.Id}:{notice}:supervisor"), now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Marks the notice sent if nobody has: true for the one transaction that did (the other waits, then finds it marked).</summary>
    private async Task<bool> ClaimAsync(Guid certification, bool lapsed, DateTime now, CancellationToken ct) =>
        (lapsed
            ? await db.Certifications.Where(c => c.Id == certification && c.LapseNoticeAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.LapseNoticeAt, now), ct)
            : await db.Certifications.Where(c => c.Id == certification && c.RenewalNoticeAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.RenewalNoticeAt, now), ct)) == 1;
}
