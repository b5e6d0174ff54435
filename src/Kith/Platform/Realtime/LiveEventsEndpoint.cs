using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Platform.Realtime;

/// <summary>
/// <c>GET /staff/events</c>: the signed-in staff member's live stream (Server-Sent Events). They get
/// their own channel, their roles' and organisations' channels, and the all-staff channel.
/// </summary>
internal static class LiveEventsEndpoint
{
    public static IEndpointRouteBuilder MapLiveEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/events", Stream)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("StaffLiveEvents")
            .WithSummary("Server-Sent Events for the signed-in staff member.")
            .WithTags("Platform");
        return app;
    }

    public static IReadOnlySet<string> ChannelsFor(ClaimsPrincipal user)
    {
        var channels = new HashSet<string>(StringComparer.Ordinal) { "staff" };
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null) channels.Add("user:" + id);
        foreach (var role in user.FindAll(ClaimTypes.Role)) channels.Add("role:" + role.Value);
        foreach (var org in user.Organisations()) channels.Add("org:" + org);
        return channels;
    }

    private static ServerSentEventsResult<string> Stream(HttpContext http, ILiveEvents events, TimeProvider time) =>
        TypedResults.ServerSentEvents(Items(events, ChannelsFor(http.User), time, http.RequestAborted));

    /// <summary>
    /// The stream of a set of channels. <paramref name="map"/> turns an event into what the reader gets (null: nothing),
    /// e.g. a web-chat visitor's stream reads the message an id names; without it events pass as they are.
    /// </summary>
    internal static async IAsyncEnumerable<SseItem<string>> Items(ILiveEvents events, IReadOnlySet<string> channels, TimeProvider time,
        [EnumeratorCancellation] CancellationToken ct, Func<LiveEvent, CancellationToken, Task<SseItem<string>?>>? map = null)
    {
        // First a hello, so the browser (and tests) know the subscription is live; then events,
        // with a ping every 20 s so proxies keep the connection open.
        await using var subscription = events.SubscribeAsync(channels, ct).GetAsyncEnumerator(ct);
        var next = subscription.MoveNextAsync().AsTask(); // registers the subscriber before we say "ready"
        try
        {
            yield return new SseItem<string>("{}", "ready");
            while (!ct.IsCancellationRequested)
            {
                var ping = Task.Delay(TimeSpan.FromSeconds(20), time, ct);
                var finished = await Task.WhenAny(next, ping);
                if (finished == ping)
                {
                    if (ct.IsCancellationRequested) yield break;
                    yield return new SseItem<string>("{}", "ping");
                    continue;
                }
                bool has;
                try { has = await next; }
                catch (OperationCanceledException) { yield break; }
                if (!has) yield break;
                var e = subscription.Current;
                next = subscription.MoveNextAsync().AsTask();
                if (map is null) yield return new SseItem<string>(e.Data, e.Type);
                else if (await map(e, ct) is { } item) yield return item;
            }
        }
        finally
        {
            // The client went away: let the pending read finish (cancelled) before the subscription is disposed,
            // or disposing an enumerator mid-read throws and logs an error for an ordinary disconnect.
            try { await next.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None); }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException) { }
        }
    }
}
