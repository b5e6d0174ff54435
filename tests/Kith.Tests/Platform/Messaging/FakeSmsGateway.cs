using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kith.Tests.Platform.Messaging;

internal sealed record ReceivedSms(string AccountSid, string Authorization, string? From, string? To, string? Body);

/// <summary>The one Twilio Messages API call Kith makes, on loopback: records each request and answers <see cref="Status"/>.</summary>
internal sealed class FakeSmsGateway : IDisposable
{
    private readonly WebApplication web;

    public FakeSmsGateway()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        web = builder.Build();
        web.Urls.Add("http://127.0.0.1:0");
        web.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (string sid, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            Received.Enqueue(new ReceivedSms(sid, request.Headers.Authorization.ToString(), form["From"], form["To"], form["Body"]));
            return Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" }, statusCode: Status);
        });
        web.Start();
        BaseUrl = web.Urls.First(); // the port the listener was given
    }

    public string BaseUrl { get; }
    public ConcurrentQueue<ReceivedSms> Received { get; } = new();
    public volatile int Status = StatusCodes.Status201Created;

    private int disposed;

    /// <summary>Idempotent: the app factory that owns this disposes it once per dispose path.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        web.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)web).Dispose();
    }
}
