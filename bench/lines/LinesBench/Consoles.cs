using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LinesBench;

/// <summary>
/// Responders' consoles: signed in through the real form (antiforgery token, <c>_handler=sign-in</c>) once per node, then
/// that session holds <paramref name="count"/> streams of <c>GET /staff/events</c> spread over the nodes, each on its own
/// connection. A stream stamps a <c>line-conversation</c> event of the probe line the moment its blank line arrives; the
/// load's events are read and dropped without parsing (the probe line's id is enough to tell them apart).
/// </summary>
internal sealed partial class Consoles(IReadOnlyList<Uri> nodes, Guid probeLine) : IAsyncDisposable
{
    private readonly List<HttpClient> clients = [];
    private readonly List<Task> streams = [];
    private readonly CancellationTokenSource stop = new();
    private readonly string probeMarker = probeLine.ToString();
    private int ready;

    /// <summary>The probe now outstanding: its number, when it was sent, and the arrivals so far (ms, node of the console).</summary>
    private volatile Probe? current;

    public int Count { get; private set; }

    public async Task OpenAsync(int count, string email, string password)
    {
        foreach (var node in nodes)
        {
            var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1000 })
            {
                BaseAddress = node, Timeout = Timeout.InfiniteTimeSpan,
            };
            var page = await client.GetStringAsync("/staff/sign-in");
            var token = WebUtility.HtmlDecode(TokenPattern().Match(page) is { Success: true } m ? m.Groups[1].Value
                : throw new InvalidOperationException("No antiforgery token on /staff/sign-in."));
            using var signIn = await client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
            }));
            if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} failed ({(int)signIn.StatusCode}).");
            clients.Add(client);
        }
        for (var i = 0; i < count; i++)
        {
            var node = i % nodes.Count;
            var response = await clients[node].GetAsync("/staff/events", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            streams.Add(Task.Run(() => ListenAsync(response, node, stop.Token)));
        }
        Count = count;
        var waited = Stopwatch.StartNew();
        while (Volatile.Read(ref ready) < count && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        if (Volatile.Read(ref ready) < count) throw new InvalidOperationException($"Only {ready} of {count} consoles got their ready event.");
    }

    private async Task ListenAsync(HttpResponseMessage response, int node, CancellationToken ct)
    {
        var seen = -1;
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
            string? type = null;
            var probeData = false;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal)) type = line[6..].Trim();
                else if (line.StartsWith("data:", StringComparison.Ordinal)) probeData |= line.Contains(probeMarker, StringComparison.Ordinal);
                else if (line.Length == 0)
                {
                    var at = Stopwatch.GetTimestamp();
                    if (type == "ready") Interlocked.Increment(ref ready);
                    else if (type == "line-conversation" && probeData && current is { } probe && probe.Number != seen)
                    {
                        seen = probe.Number;
                        probe.Arrived(Stopwatch.GetElapsedTime(probe.Sent, at).TotalMilliseconds, node);
                    }
                    type = null;
                    probeData = false;
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        finally { response.Dispose(); }
    }

    /// <summary>Starts a probe: from now, each console's first probe-line event counts for it.</summary>
    public Probe Begin(int number)
    {
        var probe = new Probe(number, Count);
        current = probe;
        return probe;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var client in clients) client.CancelPendingRequests();
        await Task.WhenAll(streams).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        foreach (var client in clients) client.Dispose();
        stop.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>One webhook of the probe and when it reached each console.</summary>
internal sealed class Probe(int number, int consoles)
{
    private int remaining = consoles;
    private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Number => number;
    public long Sent { get; private set; } = Stopwatch.GetTimestamp();
    public ConcurrentBag<(double Ms, int Node)> Arrivals { get; } = [];

    public void Stamp() => Sent = Stopwatch.GetTimestamp();

    public void Arrived(double ms, int node)
    {
        Arrivals.Add((ms, node));
        if (Interlocked.Decrement(ref remaining) == 0) all.TrySetResult();
    }

    /// <summary>Waits for every console (or the timeout); returns how many never got it.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        await all.Task.WaitAsync(timeout).ContinueWith(_ => { });
        return Math.Max(0, Volatile.Read(ref remaining));
    }
}
