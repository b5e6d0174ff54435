using System.Text.Json;
using Kith.Platform.Realtime;

namespace Kith.Lines.WebChat;

/// <summary>
/// The live events a web-chat visitor's stream listens to, on <c>chat:{conversationId}</c>: <c>message</c> (a message
/// was added; ids only — on PostgreSQL events travel through NOTIFY, so the stream reads the text from the database),
/// <c>typing</c> (a responder is writing) and <c>closed</c> (the conversation ended).
/// </summary>
internal static class ChatEvents
{
    public const string Web = "web";

    public static string Channel(Guid conversationId) => "chat:" + conversationId;

    public static LiveEvent Message(Guid conversationId, Guid messageId) =>
        new(Channel(conversationId), "message", JsonSerializer.Serialize(new { id = messageId.ToString() }));

    public static LiveEvent Closed(Guid conversationId) => new(Channel(conversationId), "closed", "{}");
}
