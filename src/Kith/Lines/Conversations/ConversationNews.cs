using System.Text.Json;
using Kith.Lines.Domain;
using Kith.Platform.Realtime;

namespace Kith.Lines.Conversations;

/// <summary>
/// Tells every responder's console, on every node, that a conversation changed (new text, message, taken, moved,
/// closed): ids, line, tier and status only — the console fetches the rest through its audited pages, never from the event.
/// </summary>
internal sealed class ConversationNews(ILiveEvents live)
{
    public const string Type = "line-conversation";

    public Task ChangedAsync(Conversation c, CancellationToken ct, Guid? from = null) => live.PublishAsync(Event(c, from), ct);

    /// <summary>The event itself, for a caller that publishes several at once.</summary>
    public static LiveEvent Event(Conversation c, Guid? from = null) =>
        new("role:" + Roles.Responder, Type, JsonSerializer.Serialize(from is null
            ? new { id = c.Id, line = c.LineId, tier = c.Tier, status = c.Status }
            : (object)new { id = c.Id, line = c.LineId, from, tier = c.Tier, status = c.Status }));
}
