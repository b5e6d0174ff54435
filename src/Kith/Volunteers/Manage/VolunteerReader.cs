using System.Security.Claims;
using Kith.Community.Contracts;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Volunteers.Manage;

/// <summary>One of a person's trainings today: the certificate that counts, and where it stands.</summary>
internal sealed record CertificateView(Guid TrainingId, string Training, string CompletedOn, string ExpiresOn, string Standing, string RenewFrom);

internal sealed record VolunteerRow(Guid Id, string Name, string Role, string Status, IReadOnlyList<CertificateView> Certificates)
{
    /// <summary>The worst standing among their certificates (lapsed before expiring soon before current), none if they hold none.</summary>
    public string? Attention => Certificates.Any(c => c.Standing == "lapsed") ? "lapsed" : Certificates.Any(c => c.Standing == "expiring-soon") ? "expiring-soon" : null;
}

internal sealed record NoteView(DateTime WrittenAt, string Text);

internal sealed record VolunteerDetails(Guid Id, Guid Organisation, string Name, string Role, string Status, string ContactRoute, string? SupervisorId,
    string? Supervisor, IReadOnlyList<CertificateView> Certificates, IReadOnlyList<CertificateView> History, bool IsSupervisor, IReadOnlyList<NoteView>? Notes);

internal sealed record TrainingView(Guid Id, string Name, string Kind, int ValidMonths, int RenewalDays, bool ForEveryone);

/// <summary>
/// The organisation's people who help as its coordinators see them: role, status and each certificate's standing today.
/// Supervision notes are read only by the person's supervisor (each read audited) — not by other coordinators or
/// administrators — and their contact stays out of every list.
/// </summary>
internal sealed class VolunteerReader(KithDb db, IStaffFacts staff, DeploymentCalendar calendar, AuditLog audit)
{
    public async Task<IReadOnlyList<VolunteerRow>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var mine = user.Organisations();
        var admin = user.IsInRole(Roles.Admin);
        var people = await db.Volunteers.AsNoTracking().Where(v => admin || mine.Contains(v.OrganisationId))
            .Select(v => new { v.Id, v.Name, v.Role, v.Status }).ToListAsync(ct);
        var certificates = await CertificatesAsync(people.Select(p => p.Id).ToList(), ct);
        return people.Select(p => new VolunteerRow(p.Id, p.Name, p.Role, p.Status, Current(certificates[p.Id])))
            .OrderBy(p => p.Status == VolunteerStatus.Applied ? 0 : p.Status == VolunteerStatus.Active ? 1 : 2).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<VolunteerDetails?> ReadAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var supervising = v is not null && me is not null && v.SupervisorId == me;
        if (v is null || !(VolunteerAccess.MayManage(user, v.OrganisationId) || supervising)) return null;
        var all = (await CertificatesAsync([id], ct))[id].ToList();
        string? supervisor = null;
        if (v.SupervisorId is { } s && (await staff.FindAsync([s], ct)).TryGetValue(s, out var fact)) supervisor = fact.DisplayName;
        IReadOnlyList<NoteView>? notes = null;
        if (supervising)
        {
            notes = await NotesAsync(id, ct);
            await audit.RecordAsync("volunteers.notes-read", me, "volunteer", id.ToString(), new { by = "supervisor" }, ct);
        }
        return new(v.Id, v.OrganisationId, v.Name, v.Role, v.Status, v.ContactRoute, v.SupervisorId, supervisor, Current(all),
            all.OrderByDescending(c => c.ExpiresOn).ToList(), supervising, notes);
    }

    public async Task<IReadOnlyList<TrainingView>> TrainingsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var mine = user.Organisations();
        var admin = user.IsInRole(Roles.Admin);
        return (await db.Trainings.AsNoTracking().Where(t => t.OrganisationId == null || admin || mine.Contains(t.OrganisationId.Value))
                .Select(t => new TrainingView(t.Id, t.Name, t.Kind, t.ValidMonths, t.RenewalDays, t.OrganisationId == null)).ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Who may supervise the organisation's people: its active staff accounts, by name.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> SupervisorsAsync(Guid organisation, CancellationToken ct)
    {
        var ids = new HashSet<string>();
        foreach (var role in new[] { Roles.Coordinator, Roles.Responder, Roles.Leader, Roles.Admin }) ids.UnionWith(await staff.WithRoleAsync(role, ct));
        return [.. (await staff.FindAsync(ids, ct)).Values.Where(s => s.Active && s.Organisations.Contains(organisation))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).Select(s => (s.Id, s.DisplayName))];
    }

    internal async Task<IReadOnlyList<NoteView>> NotesAsync(Guid id, CancellationToken ct) =>
        (await db.SupervisionNotes.AsNoTracking().Where(n => n.VolunteerId == id).Select(n => new { n.WrittenAt, n.Text }).ToListAsync(ct))
        .OrderByDescending(n => n.WrittenAt).Select(n => new NoteView(n.WrittenAt, n.Text)).ToList();

    /// <summary>Every certificate of these people with its standing today, by person.</summary>
    internal async Task<ILookup<Guid, CertificateView>> CertificatesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var today = calendar.Today;
        var rows = await (from c in db.Certifications.AsNoTracking()
                          join t in db.Trainings.AsNoTracking() on c.TrainingId equals t.Id
                          where ids.Contains(c.VolunteerId)
                          select new { c.VolunteerId, c.TrainingId, t.Name, c.CompletedOn, c.ExpiresOn, t.RenewalDays }).ToListAsync(ct);
        return rows.ToLookup(r => r.VolunteerId, r => new CertificateView(r.TrainingId, r.Name, r.CompletedOn.ToString("yyyy-MM-dd"), r.ExpiresOn.ToString("yyyy-MM-dd"),
            StandingCode(Certificates.On(today, r.ExpiresOn, r.RenewalDays)), Certificates.WindowOpens(r.ExpiresOn, r.RenewalDays).ToString("yyyy-MM-dd")));
    }

    /// <summary>Per training, the certificate that runs latest.</summary>
    private static List<CertificateView> Current(IEnumerable<CertificateView> all) =>
        all.GroupBy(c => c.TrainingId).Select(g => g.MaxBy(c => c.ExpiresOn, StringComparer.Ordinal)!).OrderBy(c => c.Training, StringComparer.CurrentCulture).ToList();

    public static string StandingCode(Standing standing) => standing switch
    {
        Standing.Lapsed => "lapsed",
        Standing.ExpiringSoon => "expiring-soon",
        _ => "current",
    };
}
