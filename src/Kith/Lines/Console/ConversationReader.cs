using System.Security.Claims;
using Kith.Lines.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Console;

internal sealed record ConversationView(Guid Id, string Reference, string LineName, string Language, string Tier,
    IReadOnlyList<string> TierRules, string Status, bool OptedOut, DateTime StartedAt, string? AssignedTo, bool Mine,
    string? Disposition, IReadOnlyList<MessageView> Messages)
{
    /// <summary>A web-chat visitor pressed "End chat": nothing more reaches them.</summary>
    public bool Left { get; init; }
}

internal sealed record MessageView(Guid Id, string Direction, string Text, DateTime At, string? DeliveryStatus, bool Automatic);

/// <summary>
/// Opens one conversation for the console: responders on the line's staffing teams and administrators, nobody
/// else (null, whether or not it exists). Every read of the messages is written to the audit log, with ids only.
/// </summary>
internal sealed class ConversationReader(KithDb db, IResponderTeams teams, AuditLog audit)
{
    public async Task<ConversationView?> ReadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var me = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (me is null) return null;
        var found = await db.LineConversations.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Lines, c => c.LineId, l => l.Id, (c, l) => new { Conversation = c, l.Name, l.Teams }).SingleOrDefaultAsync(ct);
        if (found is null || !await MayOpenAsync(user, me, found.Teams, ct)) return null;
        var c = found.Conversation;
        var messages = await db.LineMessages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new MessageView(m.Id, m.Direction, m.Text, m.At, m.DeliveryStatus, m.Direction == Message.Out && m.AuthorId == null))
            .ToListAsync(ct);
        await audit.RecordAsync("lines.conversation-read", me, "line-conversation", id.ToString(), null, ct);
        return new ConversationView(c.Id, c.Reference, found.Name, c.Language, c.Tier, c.TierRules.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            c.Status, c.OptedOut, c.StartedAt, c.AssignedTo, c.AssignedTo == me, c.Disposition, messages) { Left = c.LeftAt is not null };
    }

    /// <summary>Whether the person may open a conversation at all (no read recorded): for a post to be answered, not refused blind.</summary>
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (me is null) return false;
        var lineTeams = await db.LineConversations.Where(c => c.Id == id).Join(db.Lines, c => c.LineId, l => l.Id, (c, l) => l.Teams).SingleOrDefaultAsync(ct);
        return lineTeams is not null && await MayOpenAsync(user, me, lineTeams, ct);
    }

    private async Task<bool> MayOpenAsync(ClaimsPrincipal user, string me, string lineTeams, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return true;
        if (!user.IsInRole(Roles.Responder)) return false;
        var mine = (await teams.TeamsOfAsync(me, ct)).Where(t => t.Active).Select(t => t.Id.ToString()).ToHashSet();
        return lineTeams.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(mine.Contains);
    }
}
