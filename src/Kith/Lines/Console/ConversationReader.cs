using System.Security.Claims;
using Kith.Lines.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Console;

internal sealed record ConversationView(Guid Id, string Reference, string LineName, string Language, string Tier,
    IReadOnlyList<string> TierRules, string Status, bool OptedOut, DateTime StartedAt, string? AssignedTo, bool Mine,
    string? Disposition, IReadOnlyList<MessageView> Messages, IReadOnlyList<EarlierConversation> History,
    IReadOnlyList<CannedResponses.CannedResponseView> Canned)
{
    /// <summary>A web-chat visitor pressed "End chat": nothing more reaches them.</summary>
    public bool Left { get; init; }
}

internal sealed record MessageView(Guid Id, string Direction, string Text, DateTime At, string? DeliveryStatus, bool Automatic);

/// <summary>An earlier conversation of the same sender (same keyed hash, any line): what it was, never the number or the words.</summary>
internal sealed record EarlierConversation(Guid Id, string Reference, string LineName, DateTime StartedAt, DateTime? ClosedAt, string Tier,
    string? Disposition, bool MayOpen);

/// <summary>
/// Opens one conversation for the console: responders on the line's staffing teams and administrators, nobody
/// else (null, whether or not it exists). Every read of the messages is written to the audit log, with ids only.
/// When the responder holding it reads it, the texter's messages so far count as read ("your conversations").
/// </summary>
internal sealed class ConversationReader(KithDb db, IResponderTeams teams, AuditLog audit)
{
    public const int HistoryLimit = 20;

    public async Task<ConversationView?> ReadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var me = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (me is null) return null;
        var found = await db.LineConversations.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Lines, c => c.LineId, l => l.Id, (c, l) => new { Conversation = c, l.Name, l.Teams }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var mayOpen = await OpenableAsync(user, me, ct);
        if (!mayOpen(Staffing(found.Conversation, found.Teams, me))) return null;
        var c = found.Conversation;
        var messages = await db.LineMessages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new MessageView(m.Id, m.Direction, m.Text, m.At, m.DeliveryStatus, m.Direction == Message.Out && m.AuthorId == null))
            .ToListAsync(ct);
        var earlier = await db.LineConversations.AsNoTracking().Where(o => o.SenderHash == c.SenderHash && o.Id != id)
            .OrderByDescending(o => o.StartedAt).Take(HistoryLimit)
            .Join(db.Lines, o => o.LineId, l => l.Id, (o, l) => new { o.Id, o.Reference, l.Name, o.StartedAt, o.ClosedAt, o.Tier, o.Disposition, l.Teams })
            .ToListAsync(ct);
        // The prepared replies in the conversation's language, for its line or all lines.
        var canned = await db.LineCannedResponses.AsNoTracking().Where(r => r.Language == c.Language && (r.LineId == null || r.LineId == c.LineId))
            .OrderBy(r => r.Title).ToListAsync(ct);
        await audit.RecordAsync("lines.conversation-read", me, "line-conversation", id.ToString(), null, ct);
        // What was on the holder's screen is read; a text that lands after this query stays unread.
        if (c.AssignedTo == me && messages.Count > 0 && messages[^1].At is var newest && (c.HolderReadAt is null || c.HolderReadAt < newest))
            await db.LineConversations.Where(x => x.Id == id && x.AssignedTo == me && (x.HolderReadAt == null || x.HolderReadAt < newest))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.HolderReadAt, newest), ct);
        return new ConversationView(c.Id, c.Reference, found.Name, c.Language, c.Tier, c.TierRules.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            c.Status, c.OptedOut, c.StartedAt, c.AssignedTo, c.AssignedTo == me, c.Disposition, messages,
            [.. earlier.OrderByDescending(o => o.StartedAt)
                .Select(o => new EarlierConversation(o.Id, o.Reference, o.Name, o.StartedAt, o.ClosedAt, o.Tier, o.Disposition, mayOpen(o.Teams)))],
            [.. canned.Select(CannedResponses.CannedResponseView.Of)]) { Left = c.LeftAt is not null };
    }

    /// <summary>Whether the person may open a conversation at all (no read recorded): for a post to be answered, not refused blind.</summary>
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (me is null) return false;
        var found = await db.LineConversations.AsNoTracking().Where(c => c.Id == id).Join(db.Lines, c => c.LineId, l => l.Id, (c, l) => new { Conversation = c, l.Teams }).SingleOrDefaultAsync(ct);
        return found is not null && (await OpenableAsync(user, me, ct))(Staffing(found.Conversation, found.Teams, me));
    }

    /// <summary>The line's teams, plus the team a transfer sent it to; "*" (any responder) when it is in the person's hands or offered to them (ADR 37).</summary>
    private static string Staffing(Conversation c, string lineTeams, string me) =>
        c.AssignedTo == me || c.OfferedTo == me ? "*" : c.TeamId is { } team ? $"{lineTeams} {team}" : lineTeams;

    /// <summary>Which conversations the person may open, by their staffing (see <see cref="Staffing"/>): administrators all, responders their teams'.</summary>
    private async Task<Func<string, bool>> OpenableAsync(ClaimsPrincipal user, string me, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return _ => true;
        if (!user.IsInRole(Roles.Responder)) return _ => false;
        var mine = (await teams.TeamsOfAsync(me, ct)).Where(t => t.Active).Select(t => t.Id.ToString()).ToHashSet();
        return lineTeams => lineTeams == "*" || lineTeams.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(mine.Contains);
    }
}
