using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Contracts;

/// <summary>Reads the counting columns only (never narrative or contact columns), so no read here is a read of a case.</summary>
internal sealed class ConcernFactsFromDatabase(KithDb db, DeploymentCalendar calendar) : IConcernFacts
{
    public async Task<IReadOnlyList<ConcernFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = calendar.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = calendar.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await db.Concerns.AsNoTracking()
            .Where(c => c.SubmittedAt >= start && c.SubmittedAt < end)
            .Select(c => new
            {
                c.SubmittedAt, c.AreaId, c.Categories, c.Tier, c.Channel, c.AcknowledgedAt, c.ClosedAt, c.Outcome, c.Flag,
                Interventions = db.Interventions.Count(i => i.ConcernId == c.Id),
            })
            .ToListAsync(ct);
        return rows.Select(r => new ConcernFact(
                DateOnly.FromDateTime(calendar.ToLocal(r.SubmittedAt)), r.AreaId,
                r.Categories.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.Tier, r.Channel,
                r.AcknowledgedAt - r.SubmittedAt, r.ClosedAt is not null, r.Outcome, r.Flag is not null, r.Interventions))
            .ToList();
    }
}
