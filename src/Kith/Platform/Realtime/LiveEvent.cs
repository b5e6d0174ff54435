namespace Kith.Platform.Realtime;

/// <summary>
/// A small live update for staff screens: which channel (e.g. <c>user:{id}</c>, <c>org:{id}</c>,
/// <c>role:responder</c>, <c>staff</c>), what happened, and ids — never case content, which the
/// browser fetches through the normal, authorised and audited routes.
/// </summary>
internal sealed record LiveEvent(string Channel, string Type, string Data);

internal interface ILiveEvents
{
    /// <summary>Delivers to every subscriber of the channel on every node.</summary>
    Task PublishAsync(LiveEvent e, CancellationToken ct = default);

    /// <summary>Several events in one go (one round trip on PostgreSQL), e.g. a page to everyone on a team.</summary>
    Task PublishAsync(IReadOnlyCollection<LiveEvent> events, CancellationToken ct = default);

    /// <summary>Events on any of the channels until cancelled. Slow readers lose the oldest events, never block others.</summary>
    IAsyncEnumerable<LiveEvent> SubscribeAsync(IReadOnlySet<string> channels, CancellationToken ct);
}
