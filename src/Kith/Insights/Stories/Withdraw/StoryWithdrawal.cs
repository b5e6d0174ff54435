using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Kith.Insights.Stories.Withdraw;

/// <summary>What withdrawing came to.</summary>
internal enum Withdrawn { Yes, NotACode, NotFound }

/// <summary>
/// Withdraws a story with its receipt code: the row is deleted, whatever its state (waiting, published or refused), so
/// the words are gone from every page at once. The audit log keeps that a story was withdrawn, never the story.
/// </summary>
internal sealed class StoryWithdrawal(KithDb db, StoryCode codes, AuditLog audit)
{
    public async Task<Withdrawn> WithdrawAsync(string? typed, CancellationToken ct)
    {
        if (PrivateCode.Normalize(typed) is not { } code) return Withdrawn.NotACode;
        var hash = codes.Hash(code);
        var id = await db.InsightStories.Where(s => s.ReceiptHash == hash).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (id is null || await db.InsightStories.Where(s => s.Id == id).ExecuteDeleteAsync(ct) == 0)
            return Withdrawn.NotFound;
        await audit.RecordAsync("insights.story-withdrawn", null, "story", id.ToString(), null, ct);
        return Withdrawn.Yes;
    }
}
