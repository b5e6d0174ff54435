using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Screening.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Screening.Identified;

/// <summary>One line of the list of identified responses.</summary>
internal sealed record IdentifiedRow(Guid Id, string? Name, string? Identifier, string InstrumentId, string Band, DateTime SubmittedAt, string? ConcernReference, string? Safety);

/// <summary>
/// Reads identified responses for staff, writing every read to the audit log. Anonymous responses are never
/// found here — not even by id — so an anonymous answer can never be tied back to a person.
/// </summary>
internal sealed class IdentifiedResponses(KithDb db, AuditLog audit)
{
    public async Task<ScreeningResponse?> ReadAsync(ClaimsPrincipal reader, Guid id, string via, CancellationToken ct)
    {
        var response = await db.ScreeningResponses.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Identified, ct);
        if (response is null) return null;
        await audit.RecordAsync("screening.response.read", ReaderId(reader), "screening-response", id.ToString(), new { via }, ct);
        return response;
    }

    /// <summary>Newest first. Names are shown, so the list itself is a read and is audited.</summary>
    public async Task<List<IdentifiedRow>> ListAsync(ClaimsPrincipal reader, int take, CancellationToken ct)
    {
        var rows = await db.ScreeningResponses.AsNoTracking().Where(r => r.Identified)
            .OrderByDescending(r => r.SubmittedAt).Take(take)
            .Select(r => new { r.Id, r.SubjectName, r.SubjectIdentifier, r.InstrumentId, r.Band, r.SubmittedAt, r.ConcernReference, r.Safety })
            .ToListAsync(ct);
        await audit.RecordAsync("screening.responses.listed", ReaderId(reader), "screening-response", null, new { count = rows.Count }, ct);
        return rows.Select(r => new IdentifiedRow(r.Id, r.SubjectName, r.SubjectIdentifier, r.InstrumentId, r.Band, r.SubmittedAt, r.ConcernReference, r.Safety)).ToList();
    }

    public static string? ReaderId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
