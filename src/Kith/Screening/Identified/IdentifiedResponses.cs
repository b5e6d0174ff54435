using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Screening.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Screening.Identified;

/// <summary>One line of the list of identified responses.</summary>
internal sealed record IdentifiedRow(Guid Id, string? Name, string? Identifier, string InstrumentId, string Band, DateTime SubmittedAt, string? ConcernReference, string? Safety);

/// <summary>
/// Reads identified responses for staff through <see cref="ScreeningAccess"/>, writing every read to the audit
/// log. A response the reader may not read is answered exactly like one that does not exist. Anonymous responses
/// are never found here — not even by id — so an anonymous answer can never be tied back to a person.
/// </summary>
internal sealed class IdentifiedResponses(KithDb db, ScreeningAccess access, AuditLog audit)
{
    public async Task<ScreeningResponse?> ReadAsync(ClaimsPrincipal user, Guid id, string via, CancellationToken ct)
    {
        if (await access.ReaderAsync(user, ct) is not { } reader) return null;
        var response = await db.ScreeningResponses.AsNoTracking().Where(r => r.Id == id).Where(ScreeningAccess.Readable(reader)).SingleOrDefaultAsync(ct);
        if (response is null) return null;
        await audit.RecordAsync("screening.response.read", reader.UserId, "screening-response", id.ToString(),
            new { via, asAdmin = !ScreeningAccess.AsMember(reader, response) }, ct);
        return response;
    }

    /// <summary>Newest first, only what the reader may read. Names are shown, so the list itself is a read and is audited.</summary>
    public async Task<List<IdentifiedRow>> ListAsync(ClaimsPrincipal user, int take, CancellationToken ct)
    {
        if (await access.ReaderAsync(user, ct) is not { } reader) return [];
        var rows = await db.ScreeningResponses.AsNoTracking().Where(ScreeningAccess.Readable(reader))
            .OrderByDescending(r => r.SubmittedAt).Take(take)
            .Select(r => new { r.Id, r.SubjectName, r.SubjectIdentifier, r.InstrumentId, r.Band, r.SubmittedAt, r.ConcernReference, r.Safety })
            .ToListAsync(ct);
        await audit.RecordAsync("screening.responses.listed", reader.UserId, "screening-response", null,
            new { count = rows.Count, ids = rows.Select(r => r.Id).ToArray() }, ct);
        return rows.Select(r => new IdentifiedRow(r.Id, r.SubjectName, r.SubjectIdentifier, r.InstrumentId, r.Band, r.SubmittedAt, r.ConcernReference, r.Safety)).ToList();
    }
}
