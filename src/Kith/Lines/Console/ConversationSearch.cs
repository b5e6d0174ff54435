using Kith.Lines.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Console;

/// <summary>What a responder searches their own conversations by; every part optional.</summary>
internal sealed record SearchQuery(string? Reference, Guid? Line, DateOnly? From, DateOnly? To, string? Words);

internal sealed record SearchHit(Guid Id, string Reference, string LineName, string Tier, string Status, DateTime StartedAt);

internal sealed record SearchResult(IReadOnlyList<SearchHit> Hits, bool Truncated);

/// <summary>
/// Search over the conversations a responder held — never anyone else's. Reference, line and dates are asked of the
/// database; the words are looked for in memory, because messages are encrypted at rest: only the responder's own,
/// newest first and bounded, are decrypted. One audit entry per search (what was searched stays out of it).
/// </summary>
internal sealed class ConversationSearch(KithDb db, DeploymentCalendar calendar, AuditLog audit)
{
    public const int MaxConversations = 200;
    public const int MaxMessages = 5000;
    public const int MaxWords = 200;

    public async Task<SearchResult> FindAsync(string me, SearchQuery query, CancellationToken ct)
    {
        var mine = db.LineConversations.AsNoTracking().Where(c => c.AssignedTo == me);
        if (query.Reference is { Length: > 0 } reference)
        {
            var wanted = reference.Trim().ToUpperInvariant();
            mine = mine.Where(c => c.Reference.Contains(wanted));
        }
        if (query.Line is { } line) mine = mine.Where(c => c.LineId == line);
        if (query.From is { } from)
        {
            var since = calendar.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            mine = mine.Where(c => c.StartedAt >= since);
        }
        if (query.To is { } to)
        {
            var until = calendar.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            mine = mine.Where(c => c.StartedAt < until);
        }
        var found = await mine.OrderByDescending(c => c.StartedAt).Take(MaxConversations + 1)
            .Join(db.Lines, c => c.LineId, l => l.Id, (c, l) => new SearchHit(c.Id, c.Reference, l.Name, c.Tier, c.Status, c.StartedAt))
            .ToListAsync(ct);
        var truncated = found.Count > MaxConversations;
        var hits = found.OrderByDescending(h => h.StartedAt).Take(MaxConversations).ToList();
        if (query.Words?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } words && hits.Count > 0)
        {
            var ids = hits.Select(h => h.Id).ToList();
            var texts = await db.LineMessages.AsNoTracking().Where(m => ids.Contains(m.ConversationId)).OrderByDescending(m => m.At)
                .Take(MaxMessages).Select(m => new { m.ConversationId, m.Text }).ToListAsync(ct);
            truncated |= texts.Count == MaxMessages;
            var matching = texts.Where(m => words.All(w => m.Text.Contains(w, StringComparison.CurrentCultureIgnoreCase)))
                .Select(m => m.ConversationId).ToHashSet();
            hits = [.. hits.Where(h => matching.Contains(h.Id))];
        }
        await audit.RecordAsync("lines.conversation-search", me, "line-conversation", null, new { results = hits.Count }, ct);
        return new(hits, truncated);
    }
}
