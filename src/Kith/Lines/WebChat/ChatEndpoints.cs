using System.Net.ServerSentEvents;
using System.Text.Json;
using Kith.Platform.Realtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Lines.WebChat;

/// <summary>
/// The web visitor's live stream and typing signal, by their session cookie only (nothing in the URL but the line).
/// <c>GET /chat/{line}/events</c> streams Server-Sent Events: <c>ready</c>, then each new <c>message</c> of their
/// conversation with its text (read here from the database: live events carry ids only), <c>typing</c> and <c>closed</c>.
/// No open conversation: 204, which tells a browser's EventSource not to reconnect.
/// </summary>
internal static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chat/{line}/events", EventsAsync).AllowAnonymous().RequireRateLimiting(Platform.PlatformModule.PublicRateLimit)
            .WithTags("Lines").WithName("WebChatEvents").WithSummary("Server-Sent Events for the web-chat visitor holding the session cookie.")
            .ExcludeFromDescription();
        // No form and no token: the cookie is SameSite=Strict, so another site's post arrives without it and does nothing.
        app.MapPost("/chat/{line}/typing", TypingAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(Platform.PlatformModule.PublicRateLimit)
            .WithTags("Lines").WithName("WebChatTyping").WithSummary("The visitor is writing (the responder holding the chat sees it).")
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<ServerSentEventsResult<string>, NoContent, NotFound>> EventsAsync(
        string line, HttpContext http, VisitorChat chat, ILiveEvents events, TimeProvider time)
    {
        var ct = http.RequestAborted;
        if (await chat.LineAsync(line, ct) is not { } setup) return TypedResults.NotFound();
        if (await chat.OpenAsync(setup, ChatCookie.Read(http), ct) is not { } conversation) return TypedResults.NoContent();
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.ServerSentEvents(Items(conversation.Id, chat, events, time, ct));
    }

    private static async Task<Results<NoContent, NotFound>> TypingAsync(string line, HttpContext http, VisitorChat chat)
    {
        var ct = http.RequestAborted;
        if (await chat.LineAsync(line, ct) is not { } setup) return TypedResults.NotFound();
        await chat.TypingAsync(setup, ChatCookie.Read(http), ct);
        return TypedResults.NoContent();
    }

    /// <summary>The platform's stream of the visitor's one channel; a message event becomes the message itself, read here.</summary>
    private static IAsyncEnumerable<SseItem<string>> Items(Guid conversationId, VisitorChat chat, ILiveEvents events, TimeProvider time, CancellationToken ct) =>
        LiveEventsEndpoint.Items(events, new HashSet<string> { ChatEvents.Channel(conversationId) }, time, ct, async (e, token) => e.Type switch
        {
            "message" => await ReadAsync(chat, conversationId, e.Data, token) is { } message
                ? new SseItem<string>(JsonSerializer.Serialize(new { id = message.Id, who = message.Who, text = message.Text }), "message")
                { EventId = message.Id.ToString() }
                : null,
            "typing" or "closed" => new SseItem<string>("{}", e.Type),
            _ => null,
        });

    private static async Task<ChatMessage?> ReadAsync(VisitorChat chat, Guid conversationId, string data, CancellationToken ct)
    {
        Guid messageId;
        try
        {
            using var json = JsonDocument.Parse(data);
            if (!json.RootElement.TryGetProperty("id", out var id) || !Guid.TryParse(id.GetString(), out messageId)) return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return null; }
        return await chat.MessageAsync(conversationId, messageId, ct);
    }
}
