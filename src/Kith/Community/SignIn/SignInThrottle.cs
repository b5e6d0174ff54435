using System.Collections.Concurrent;

namespace Kith.Community.SignIn;

/// <summary>
/// Slows password guessing without letting anyone lock the owner out. Failures count per (account, client):
/// after <see cref="FreeFailures"/> that client waits 2, 4, 8… seconds (at most <see cref="LongestWait"/>)
/// before its next try for that account — other clients, the owner's among them, are not affected. Across
/// all clients an account that has failed <see cref="AccountFailuresPerHour"/> times in an hour (a guesser
/// spread over many addresses) lets only clients with a clean record for it try. The client address is a
/// key in this node's memory only — never stored or logged — like the rate limiter's.
/// </summary>
internal sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    public const int AccountFailuresPerHour = 100;
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    private sealed class Record
    {
        public int Failures;
        public DateTimeOffset Last;
    }

    private readonly ConcurrentDictionary<(string Account, string Client), Record> pairs = new();
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> accounts = new();

    /// <summary>True when this client must not try this account now (its password is not even checked).</summary>
    public bool MustWait(string account, string client)
    {
        var now = time.GetUtcNow();
        var failures = 0;
        if (pairs.TryGetValue((account, client), out var pair))
        {
            lock (pair)
            {
                if (now - pair.Last >= Forget) pair.Failures = 0;
                failures = pair.Failures;
                if (failures >= FreeFailures && now < pair.Last + WaitAfter(failures)) return true;
            }
        }
        return failures > 0 && RecentAccountFailures(account, now) >= AccountFailuresPerHour;
    }

    public void Failed(string account, string client)
    {
        var now = time.GetUtcNow();
        var pair = pairs.GetOrAdd((account, client), _ => new Record());
        lock (pair)
        {
            if (now - pair.Last >= Forget) pair.Failures = 0;
            pair.Failures++;
            pair.Last = now;
        }
        var queue = accounts.GetOrAdd(account, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Prune(queue, now);
            if (queue.Count < AccountFailuresPerHour * 2) queue.Enqueue(now);
        }
        if (pairs.Count > 10_000 || accounts.Count > 10_000) Sweep(now);
    }

    /// <summary>The right password from this client: its record for this account is clean again.</summary>
    public void Succeeded(string account, string client) => pairs.TryRemove((account, client), out _);

    /// <summary>2 s after the 6th failure, doubling with each further one, up to <see cref="LongestWait"/>.</summary>
    internal static TimeSpan WaitAfter(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - FreeFailures + 1), LongestWait.TotalSeconds));

    private int RecentAccountFailures(string account, DateTimeOffset now)
    {
        if (!accounts.TryGetValue(account, out var queue)) return 0;
        lock (queue)
        {
            Prune(queue, now);
            return queue.Count;
        }
    }

    private static void Prune(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() <= now - Forget) queue.Dequeue();
    }

    /// <summary>Forgets what is older than an hour, so memory does not grow with every address and email ever tried.</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, pair) in pairs)
            lock (pair)
                if (now - pair.Last >= Forget) pairs.TryRemove(key, out _);
        foreach (var (key, queue) in accounts)
            lock (queue)
            {
                Prune(queue, now);
                if (queue.Count == 0) accounts.TryRemove(key, out _);
            }
    }
}
