using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Screening.Contracts;

/// <summary>Reads the counting columns only (never the person, the answers or the concern), so no read here is a read of a record.</summary>
internal sealed class ScreeningFactsFromDatabase(KithDb db, DeploymentCalendar calendar) : IScreeningFacts
{
    public async Task<IReadOnlyList<ScreeningFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = calendar.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = calendar.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await db.ScreeningResponses.AsNoTracking()
            .Where(r => r.SubmittedAt >= start && r.SubmittedAt < end)
            .Select(r => new { r.SubmittedAt, r.AreaId, r.CampaignId, r.CampaignGroup, r.Channel, r.InstrumentId, r.Band, r.Flags })
            .ToListAsync(ct);
        return rows.Select(r => new ScreeningFact(
                DateOnly.FromDateTime(calendar.ToLocal(r.SubmittedAt)), r.AreaId, r.CampaignId, r.CampaignGroup, r.Channel,
                r.InstrumentId, r.Band, r.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
    }
}
