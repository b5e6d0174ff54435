using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Security;
using Kith.Volunteers.Domain;
using Kith.Volunteers.Manage;
using Microsoft.EntityFrameworkCore;

namespace Kith.Volunteers.Me;

/// <summary>What a person who helps sees with their private code: their certificates and what their supervisor wrote.</summary>
internal sealed record OwnView(Guid Id, string Name, string Role, IReadOnlyList<CertificateView> Certificates, IReadOnlyList<NoteView> Notes);

/// <summary>
/// A helper's own page, opened with their private code (no account): their certificates with each one's standing, and
/// their supervision notes — the only reader besides their supervisor, each read audited without naming them.
/// </summary>
internal sealed class OwnRecord(KithDb db, VolunteerCode codes, VolunteerReader reader, AuditLog audit)
{
    public async Task<OwnView?> OpenAsync(string? typed, CancellationToken ct)
    {
        var volunteer = await FindAsync(typed, ct);
        if (volunteer is null) return null;
        var certificates = (await reader.CertificatesAsync([volunteer.Id], ct))[volunteer.Id]
            .GroupBy(c => c.TrainingId).Select(g => g.MaxBy(c => c.ExpiresOn, StringComparer.Ordinal)!).OrderBy(c => c.Training).ToList();
        var notes = await reader.NotesAsync(volunteer.Id, ct);
        if (notes.Count > 0) await audit.RecordAsync("volunteers.notes-read", null, "volunteer", volunteer.Id.ToString(), new { by = "themselves" }, ct);
        return new(volunteer.Id, volunteer.Name, volunteer.Role, certificates, notes);
    }

    /// <summary>The active or newly signed-up helper whose code this is; none for a code we do not know (or someone who stopped helping).</summary>
    internal async Task<Volunteer?> FindAsync(string? typed, CancellationToken ct)
    {
        if (PrivateCode.Normalize(typed) is not { } normalized) return null;
        var hash = codes.Hash(normalized);
        return await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.CodeHash == hash && v.Status != VolunteerStatus.Ended, ct);
    }
}
