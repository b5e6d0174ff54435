using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace ConcernsBench;

/// <summary>What the probe measured: submit → the responder's live stream, and the POST alone.</summary>
internal sealed record ProbeResult(double Seconds, double TargetPerSecond, int Probes, Latency ToScreen, Latency Post,
    Latency AfterResponse, int Missed, int Failed, string LoadBefore, string LoadAfter)
{
    /// <summary>Concerns the server accepted (201), whether or not their event arrived.</summary>
    public int Accepted => Probes + Missed;
}

/// <summary>
/// A responder with their console open: signed in through the real form, holding <c>GET /staff/events</c>. The probe
/// submits one concern at a time (routed to this responder's team) and times from sending the POST to the "concern"
/// event arriving on the stream. One probe outstanding at a time is what lets an event be attributed to its POST: the
/// event carries the concern's id, the POST's answer (the receipt) does not.
/// </summary>
internal sealed partial class ResponderProbe(Uri server) : IAsyncDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan,
    };
    private readonly Channel<long> concerns = Channel.CreateUnbounded<long>();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private Task? listening;

    public async Task SignInAndListenAsync(string email, string password)
    {
        var page = await client.GetStringAsync("/staff/sign-in");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("No antiforgery token on /staff/sign-in."));
        using var signIn = await client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} failed ({(int)signIn.StatusCode}).");
        var response = await client.GetAsync("/staff/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        listening = ListenAsync(response, stop.Token);
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Reads the Server-Sent Events; stamps each new-concern event the moment its blank line arrives.</summary>
    private async Task ListenAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
            string? type = null;
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal)) type = line[6..].Trim();
                else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Append(line[5..].TrimStart());
                else if (line.Length == 0)
                {
                    var at = Stopwatch.GetTimestamp();
                    if (type == "ready") ready.TrySetResult();
                    else if (type == "concern" && IsNew(data.ToString())) concerns.Writer.TryWrite(at);
                    type = null;
                    data.Clear();
                }
            }
        }
        catch (OperationCanceledException) { }
        finally { response.Dispose(); }
    }

    /// <summary>Submits at most <paramref name="perSecond"/> concerns a second for <paramref name="duration"/>, one at a
    /// time (a late answer delays the next probe rather than piling them up).</summary>
    public async Task<ProbeResult> RunAsync(TimeSpan duration, double perSecond, IReadOnlyList<ConcernBody> bodies)
    {
        var loadBefore = Machine.Load();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var next = TimeSpan.Zero;
        List<double> toScreen = [], post = [], after = [];
        int missed = 0, failed = 0, n = 0;
        while (clock.Elapsed < duration)
        {
            if (next > clock.Elapsed) await Task.Delay(next - clock.Elapsed);
            next = Max(next + interval, clock.Elapsed);
            while (concerns.Reader.TryRead(out _)) { } // a late event of a missed probe must not count for this one
            var body = bodies[n++ % bodies.Count];
            var sent = Stopwatch.GetTimestamp();
            using var content = new ByteArrayContent(body.Json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/concerns", content);
            await response.Content.ReadAsByteArrayAsync();
            var answered = Stopwatch.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.Created) { failed++; continue; }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            long arrived;
            try { arrived = await concerns.Reader.ReadAsync(wait.Token); }
            catch (OperationCanceledException) { missed++; continue; }
            toScreen.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            post.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
            after.Add(Math.Max(0, Stopwatch.GetElapsedTime(answered, arrived).TotalMilliseconds));
        }
        return new ProbeResult(duration.TotalSeconds, perSecond, toScreen.Count, Latency.Of(toScreen), Latency.Of(post), Latency.Of(after),
            missed, failed, loadBefore, Machine.Load());
    }

    private static bool IsNew(string json)
    {
        using var e = JsonDocument.Parse(json);
        return e.RootElement.GetProperty("kind").GetString() == "new";
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (listening is not null) await listening;
        client.Dispose();
        stop.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
