using System.Globalization;
using System.Security.Claims;
using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kith.Lines.Blocks;

internal sealed record FlagRequest(string? Kind, string? Reason, string? Expires);

internal sealed record FlagView(Guid Id, string Kind, string Reason, DateTime SetAt, DateTime? ExpiresAt, Guid? ConversationId);

internal sealed record FlagResult(int Status, Guid? Id = null, string? Field = null, string? Message = null);

/// <summary>
/// Block and abusive flags by sender hash (the Aselo pattern, with an expiry of 24 h, 30 d or 1 y; an abusive marking
/// may have none). Set by the responder holding the conversation or an administrator, listed and lifted by
/// administrators, every change audited. <see cref="TurnAwayAsync"/> is asked at every inbound text.
/// </summary>
internal sealed class SenderFlags(KithDb db, CrisisText crisis, AuditLog audit, IStringLocalizer<SharedResource> T, TimeProvider time)
{
    public const int MaxReason = 500;
    public static readonly IReadOnlyList<string> Kinds = [SenderFlag.Blocked, SenderFlag.Abusive];

    public async Task<FlagResult> SetAsync(Guid conversationId, FlagRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var conversation = await db.LineConversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.SenderHash, c.AssignedTo, c.Status }).SingleOrDefaultAsync(ct);
        if (conversation is null) return new(StatusCodes.Status404NotFound, Message: "Not found");
        if (!user.IsInRole(Roles.Admin) && !(conversation.AssignedTo == me && conversation.Status == ConversationStatuses.Active))
            return new(StatusCodes.Status403Forbidden, Message: "Only the responder holding the conversation, or an administrator, may flag its sender.");
        if (request.Kind is not { } kind || !Kinds.Contains(kind)) return new(StatusCodes.Status400BadRequest, Field: "kind", Message: "Choose blocked or abusive.");
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReason)
            return new(StatusCodes.Status400BadRequest, Field: "reason", Message: $"Say why, in 1 to {MaxReason} characters.");
        if (request.Expires is not { } expires || !SenderFlag.Expiries.TryGetValue(expires, out var lasts) || (lasts is null && kind == SenderFlag.Blocked))
            return new(StatusCodes.Status400BadRequest, Field: "expires", Message: "Choose 24h, 30d or 1y (none only for an abusive marking: a block always ends).");
        var now = time.GetUtcNow().UtcDateTime;
        var flag = new SenderFlag
        {
            Id = Guid.CreateVersion7(now), SenderHash = conversation.SenderHash, Kind = kind, Reason = request.Reason.Trim(),
            ConversationId = conversationId, SetBy = me, SetAt = now, ExpiresAt = lasts is { } span ? now + span : null,
        };
        db.LineSenderFlags.Add(flag);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("lines.sender-flagged", me, "line-conversation", conversationId.ToString(), new { flag = flag.Id, kind, expires }, ct);
        await transaction.CommitAsync(ct);
        return new(StatusCodes.Status200OK, flag.Id);
    }

    public async Task<FlagResult> LiftAsync(Guid id, string adminId, CancellationToken ct)
    {
        var flag = await db.LineSenderFlags.SingleOrDefaultAsync(f => f.Id == id && f.LiftedAt == null, ct);
        if (flag is null) return new(StatusCodes.Status404NotFound, Message: "Not found");
        (flag.LiftedAt, flag.LiftedBy) = (time.GetUtcNow().UtcDateTime, adminId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("lines.sender-flag-lifted", adminId, "line-conversation", flag.ConversationId?.ToString() ?? "", new { flag = id }, ct);
        await transaction.CommitAsync(ct);
        return new(StatusCodes.Status200OK, id);
    }

    /// <summary>Flags in force (for administrators, every sender; with <paramref name="senderHash"/>, that sender's).</summary>
    public async Task<List<FlagView>> ActiveAsync(string? senderHash, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var flags = await db.LineSenderFlags.AsNoTracking()
            .Where(f => f.LiftedAt == null && (f.ExpiresAt == null || f.ExpiresAt > now) && (senderHash == null || f.SenderHash == senderHash))
            .OrderByDescending(f => f.SetAt).ToListAsync(ct);
        return [.. flags.Select(f => new FlagView(f.Id, f.Kind, f.Reason, f.SetAt, f.ExpiresAt, f.ConversationId))];
    }

    /// <summary>The flags in force on a conversation's sender, for the responder reading it.</summary>
    public async Task<List<FlagView>> OnConversationAsync(Guid conversationId, CancellationToken ct)
    {
        var hash = await db.LineConversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.SenderHash).SingleOrDefaultAsync(ct);
        return hash is null ? [] : await ActiveAsync(hash, ct);
    }

    /// <summary>
    /// A blocked sender with no open conversation on the line, whose words do not read as imminent risk, is answered
    /// with a short text (the line's first language, or the one their words are in) and nothing is kept or queued.
    /// Null: take the text as usual — never blocked, or words reading as imminent risk, which always reach a person.
    /// </summary>
    public async Task<string?> TurnAwayAsync(string senderHash, string body, LineSetup line, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!await db.LineSenderFlags.AnyAsync(f => f.SenderHash == senderHash && f.Kind == SenderFlag.Blocked && f.LiftedAt == null
                && f.ExpiresAt > now, ct))
            return null;
        var language = line.Languages[0];
        if (LineTriage.Assess(body, language).Tier == ConversationTiers.Imminent) return null;
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(Platform.Localization.Cultures.IsSupported(language) ? language : "en");
            return T["This line is not taking texts from this number for now. If you are in danger, use these numbers:"] + "\n" + crisis.In(language);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
