using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Lines.Retention;

/// <summary>
/// Retention: a conversation closed more than <c>Kith:Lines:PurgeClosedAfterDays</c> ago (default 90, as for anonymous
/// concerns) loses everything written — every message, in and out — and its link to the sender: the keyed hash is
/// replaced, so contact history and blocks no longer find it, and a later text from the same number starts afresh.
/// What remains is what counts need: line, channel, language, tier and its rules, times, disposition.
/// The number itself was forgotten at close.
/// </summary>
internal sealed class PurgeClosedConversations(KithDb db, IOptions<LineOptions> options, TimeProvider time, ILogger<PurgeClosedConversations> log)
    : IRecurringJob
{
    public string Name => "lines.purge-closed-conversations";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var closedBefore = now.AddDays(-Math.Max(0, options.Value.PurgeClosedAfterDays));
        var purged = 0;
        while (true)
        {
            var ids = await db.LineConversations
                .Where(c => c.PurgedAt == null && c.ClosedAt != null && c.ClosedAt <= closedBefore)
                .OrderBy(c => c.ClosedAt).Select(c => c.Id).Take(200).ToListAsync(ct);
            if (ids.Count == 0) break;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LineMessages.Where(m => ids.Contains(m.ConversationId)).ExecuteDeleteAsync(ct);
            // The id is no secret and never a number: unique, and linked to nothing the sender sends again.
            await db.LineConversations.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.SenderHash, c => "purged:" + c.Id.ToString())
                .SetProperty(c => c.SenderNumber, (string?)null)
                .SetProperty(c => c.PurgedAt, now)
                .SetProperty(c => c.Revision, c => c.Revision + 1), ct);
            await transaction.CommitAsync(ct);
            purged += ids.Count;
        }
        if (purged > 0) log.LogInformation("Purged the messages of {Count} closed conversations", purged);
    }
}
