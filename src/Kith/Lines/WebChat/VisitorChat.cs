using System.Text.Json;
using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.Platform.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.WebChat;

internal sealed record ChatLine(string Slug, string Name, string? Audience, IReadOnlyList<string> Languages, bool OpenNow);

/// <summary>Who wrote a message, as the visitor is told: themself, the line's automatic texts, or "Responder" (never a name or id).</summary>
internal sealed record ChatMessage(Guid Id, string Who, string Text, DateTime At)
{
    public const string You = "you";
    public const string Automatic = "automatic";
    public const string Responder = "responder";
}

internal sealed record ChatView(Guid Id, string Status, string Tier, bool Left, bool RolledOver, IReadOnlyList<ChatMessage> Messages, WaitBand? Wait)
{
    public bool Open => Status != ConversationStatuses.Closed && !Left;
    public bool Waiting => Open && Status == ConversationStatuses.Waiting;
    public bool AtRisk => Tier != ConversationTiers.Routine;
}

/// <summary>
/// The web-chat channel adapter: the lines a visitor can write to, their conversation (found by the keyed hash of their
/// session cookie, on the line they began on even after it rolled over), sending through the one inbound path
/// (<see cref="ReceiveText"/>), ending the chat, and the typing signal to the responder who holds it.
/// </summary>
internal sealed class VisitorChat(KithDb db, SenderKey senders, ReceiveText receive, ILiveEvents live, TimeProvider time)
{
    public const int MaxLength = 1000;

    public async Task<IReadOnlyList<ChatLine>> LinesAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lines = await db.Lines.AsNoTracking().Where(l => l.Active).OrderBy(l => l.Name).ToListAsync(ct);
        return [.. lines.Select(LineSetup.Of).Select(s => new ChatLine(s.Line.Slug, s.Line.Name, s.Line.Audience, s.Languages, s.Hours.IsOpen(now)))];
    }

    public async Task<LineSetup?> LineAsync(string slug, CancellationToken ct) =>
        await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Slug == slug && l.Active, ct) is { } line ? LineSetup.Of(line) : null;

    public bool IsOpen(LineSetup line) => line.Hours.IsOpen(time.GetUtcNow());

    /// <summary>The visitor's latest conversation begun on the line (open, ended or closed), or null.</summary>
    public async Task<ChatView?> ReadAsync(LineSetup line, string? session, CancellationToken ct)
    {
        if (await FindAsync(line, session, ct) is not { } c) return null;
        // A message and its automatic answer share one moment: the visitor's own ("in") first.
        var messages = await db.LineMessages.AsNoTracking().Where(m => m.ConversationId == c.Id).OrderBy(m => m.At).ThenBy(m => m.Direction).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Direction, m.AuthorId, m.Text, m.At }).ToListAsync(ct);
        var view = new ChatView(c.Id, c.Status, c.Tier, c.LeftAt is not null, c.RolledOverAt is not null,
            [.. messages.Select(m => new ChatMessage(m.Id, Who(m.Direction, m.AuthorId), m.Text, m.At))], null);
        return view.Waiting ? view with { Wait = await WaitAsync(c, ct) } : view;
    }

    /// <summary>One message of the visitor's conversation, for their live stream (null when it is not theirs).</summary>
    public async Task<ChatMessage?> MessageAsync(Guid conversationId, Guid messageId, CancellationToken ct) =>
        await db.LineMessages.AsNoTracking().Where(m => m.Id == messageId && m.ConversationId == conversationId)
            .Select(m => new { m.Id, m.Direction, m.AuthorId, m.Text, m.At }).SingleOrDefaultAsync(ct) is { } m
            ? new ChatMessage(m.Id, Who(m.Direction, m.AuthorId), m.Text, m.At) : null;

    /// <summary>The visitor's open conversation begun on the line (for their stream and the typing signal).</summary>
    public async Task<Conversation?> OpenAsync(LineSetup line, string? session, CancellationToken ct) =>
        await FindAsync(line, session, ct) is { ClosedAt: null, LeftAt: null } c ? c : null;

    private const int Attempts = 8;

    private static Task BackOffAsync(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), ct);

    public async Task<Conversation> SendAsync(LineSetup line, string session, string text, string language, CancellationToken ct)
    {
        // Two posts of one visitor at once (a double tap, two tabs) change one conversation, whose revision is a
        // concurrency token: the later one tries again on what the first saved (nothing of it was committed).
        // Many at once (a script, or a hand on a slow phone) can lose several rounds: wait a moment, a little longer each
        // time and never in step with the others, rather than answer a person's message with an error.
        for (var attempt = 1; ; attempt++)
        {
            try { return await receive.ReceiveWebAsync(line, senders.HashWeb(session), text, language, ct); }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts) { db.ChangeTracker.Clear(); await BackOffAsync(attempt, ct); }
        }
    }

    /// <summary>"End chat": the conversation notes the visitor left (responders see it); a risk tier keeps it in front of a person.</summary>
    public async Task EndAsync(LineSetup line, string? session, CancellationToken ct)
    {
        if (await OpenAsync(line, session, ct) is not { } found) return;
        Conversation c;
        for (var attempt = 1; ; attempt++)
        {
            // A message of theirs may be saving at the same moment: read again and note it on what that saved.
            c = await db.LineConversations.SingleAsync(x => x.Id == found.Id, ct);
            c.LeftAt ??= time.GetUtcNow().UtcDateTime;
            c.Revision++;
            try { await db.SaveChangesAsync(ct); break; }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts) { db.ChangeTracker.Clear(); await BackOffAsync(attempt, ct); }
        }
        await live.PublishAsync(ConversationNews.Event(c), ct);
    }

    /// <summary>The visitor is writing: the responder holding the conversation hears of it (ids only). False: nobody holds it.</summary>
    public async Task<bool> TypingAsync(LineSetup line, string? session, CancellationToken ct)
    {
        if (await OpenAsync(line, session, ct) is not { AssignedTo: { } responder } c) return false;
        await live.PublishAsync(new LiveEvent("user:" + responder, "line-typing", JsonSerializer.Serialize(new { id = c.Id })), ct);
        return true;
    }

    private async Task<Conversation?> FindAsync(LineSetup line, string? session, CancellationToken ct)
    {
        if (session is null) return null;
        var hash = senders.HashWeb(session);
        var id = line.Line.Id;
        return await db.LineConversations.AsNoTracking()
            .Where(c => c.SenderHash == hash && c.Channel == ChatEvents.Web && (c.LineId == id || c.RolledFromLineId == id))
            .OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>The band from the waits of the last 50 conversations of this tier taken on the line it now waits on, in the past 30 days.</summary>
    private async Task<WaitBand> WaitAsync(Conversation c, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-30);
        var recent = await db.LineConversations.AsNoTracking()
            .Where(x => x.LineId == c.LineId && x.Tier == c.Tier && x.AssignedAt != null && x.AssignedAt > since)
            .OrderByDescending(x => x.AssignedAt).Take(50)
            .Select(x => new { x.AssignedAt, x.StartedAt, x.RolledOverAt }).ToListAsync(ct);
        var line = LineSetup.Of(await db.Lines.AsNoTracking().SingleAsync(l => l.Id == c.LineId, ct));
        return WaitBands.Of([.. recent.Select(x => x.AssignedAt!.Value - (x.RolledOverAt ?? x.StartedAt))], TimeSpan.FromSeconds(line.MaxWait.For(c.Tier)));
    }

    private static string Who(string direction, string? authorId) =>
        direction == Message.In ? ChatMessage.You : authorId is null ? ChatMessage.Automatic : ChatMessage.Responder;
}
