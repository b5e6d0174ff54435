using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Kith.Tests.Platform.Messaging;

internal sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, string Data)
{
    /// <summary>A header's value as sent (first occurrence), or null.</summary>
    public string? Header(string name) => Data.Split("\r\n\r\n", 2)[0].Split("\r\n")
        .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
        .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault();

    /// <summary>The body with its transfer encoding undone (System.Net.Mail sends UTF-8 bodies as base64).</summary>
    public string Body()
    {
        var body = Data.Split("\r\n\r\n", 2)[1];
        return string.Equals(Header("Content-Transfer-Encoding"), "base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "")))
            : body;
    }
}

/// <summary>
/// Just enough SMTP (RFC 5321) on loopback to receive what SmtpClient sends: EHLO, MAIL, RCPT, DATA, QUIT.
/// With <see cref="DropConnections"/> it hangs up on every client instead, like a relay that is going down.
/// </summary>
internal sealed class FakeSmtpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();

    public FakeSmtpServer()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
    public ConcurrentQueue<ReceivedMail> Received { get; } = new();
    public volatile bool DropConnections;

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        if (DropConnections) return;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake.test ESMTP");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-fake.test");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        Received.Enqueue(new ReceivedMail(from ?? "", recipients.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    case "RSET" or "NOOP" or "HELO":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException) { }
    }

    private static string Address(string line) => line[(line.IndexOf('<') + 1)..line.IndexOf('>')];

    /// <summary>Idempotent: the app factory that owns this disposes it once per dispose path.</summary>
    public void Dispose()
    {
        if (stop.IsCancellationRequested) return;
        stop.Cancel();
        listener.Stop();
    }
}
