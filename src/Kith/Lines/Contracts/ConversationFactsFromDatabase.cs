using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Contracts;

/// <summary>Reads the counting columns only (never the sender, the reference or a message), so no read here is a read of a conversation.</summary>
internal sealed class ConversationFactsFromDatabase(KithDb db) : IConversationFacts
{
    public async Task<IReadOnlyList<ConversationFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Each line keeps its own time zone: read the UTC window every zone's days can fall in, then keep the local days asked.
        var start = from.ToDateTime(TimeOnly.MinValue).AddHours(-15);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(15);
        var lines = await db.Lines.AsNoTracking().Select(l => new { l.Id, l.Slug, l.TimeZone }).ToDictionaryAsync(l => l.Id, ct);
        var rows = await db.LineConversations.AsNoTracking()
            .Where(c => c.StartedAt >= start && c.StartedAt < end)
            .Select(c => new
            {
                c.LineId, c.Channel, c.Tier, c.StartedAt, c.AnsweredAt, c.RolledOverAt, c.UnansweredAt, c.ClosedAt, c.Disposition, c.Referrals,
            })
            .ToListAsync(ct);
        var facts = new List<ConversationFact>(rows.Count);
        foreach (var r in rows)
        {
            var line = lines[r.LineId];
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc), Zone(line.TimeZone)));
            if (day < from || day > to) continue;
            facts.Add(new ConversationFact(day, line.Id, line.Slug, r.Channel, AreaId: null, r.Tier,
                r.AnsweredAt is { } answered ? (int)Math.Round((answered - r.StartedAt).TotalSeconds) : null,
                r.AnsweredAt is not null, r.RolledOverAt is not null, r.UnansweredAt is not null, r.ClosedAt is not null, r.Disposition,
                r.Referrals.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        }
        return facts;
    }

    private static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
