using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Kith.Platform.Realtime;

/// <summary>The subscribers connected to this node, and fan-out to them.</summary>
internal sealed class LocalSubscribers
{
    private readonly ConcurrentDictionary<Guid, (IReadOnlySet<string> Channels, Channel<LiveEvent> Queue)> subscribers = new();

    public int Count => subscribers.Count;

    public void Deliver(LiveEvent e)
    {
        foreach (var (channels, queue) in subscribers.Values)
            if (channels.Contains(e.Channel))
                queue.Writer.TryWrite(e);
    }

    public async IAsyncEnumerable<LiveEvent> SubscribeAsync(IReadOnlySet<string> channels, [EnumeratorCancellation] CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var queue = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        subscribers[id] = (channels, queue);
        try
        {
            await foreach (var e in queue.Reader.ReadAllAsync(ct))
                yield return e;
        }
        finally
        {
            subscribers.TryRemove(id, out _);
        }
    }
}

/// <summary>Embedded mode: one node, so publishing is delivering.</summary>
internal sealed class InProcessLiveEvents(LocalSubscribers local) : ILiveEvents
{
    public Task PublishAsync(LiveEvent e, CancellationToken ct = default)
    {
        local.Deliver(e);
        return Task.CompletedTask;
    }

    public Task PublishAsync(IReadOnlyCollection<LiveEvent> events, CancellationToken ct = default)
    {
        foreach (var e in events) local.Deliver(e);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<LiveEvent> SubscribeAsync(IReadOnlySet<string> channels, CancellationToken ct) =>
        local.SubscribeAsync(channels, ct);
}
