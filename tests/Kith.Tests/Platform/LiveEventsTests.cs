using Kith.Community;
using Kith.Community.Domain;
using Kith.Platform.Realtime;

namespace Kith.Tests.Platform;

/// <summary><c>GET /staff/events</c> over real HTTP: in-process fan-out on SQLite, LISTEN/NOTIFY on PostgreSQL.</summary>
[Trait("Category", "Integration")]
public sealed class LiveEventsTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task A_staff_member_gets_ready_then_access_changed_and_never_another_users_events()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang guard, not a timing assertion
        var org = await Staff.AddOrganisationAsync(app, "Live Events Centre");
        var adminId = await Staff.AddAsync(app, "admin@live.test", Roles.Admin, org);
        var aliceId = await Staff.AddAsync(app, "alice@live.test", Roles.Responder, org);
        var bobId = await Staff.AddAsync(app, "bob@live.test", Roles.Responder, org);
        await EventStream.WaitForListenerAsync(app, guard.Token);

        await using var alice = await EventStream.OpenAsync(app, "alice@live.test", guard.Token);
        await using var bob = await EventStream.OpenAsync(app, "bob@live.test", guard.Token);
        Assert.Equal("ready", (await alice.NextAsync(guard.Token)).Type);
        Assert.Equal("ready", (await bob.NextAsync(guard.Token)).Type);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaffAccess>()
                .SetAccessAsync(aliceId, [Roles.Coordinator], [org], adminId, CancellationToken.None);
            Assert.True(result.Succeeded);
        }
        // A marker on Bob's own channel, published after Alice's event: if Alice's event had reached Bob, it would come first.
        await app.Services.GetRequiredService<ILiveEvents>().PublishAsync(new LiveEvent("user:" + bobId, "marker", "{\"n\":1}"), guard.Token);

        Assert.Equal("access-changed", (await alice.NextAsync(guard.Token)).Type);
        var bobNext = await bob.NextAsync(guard.Token);
        Assert.Equal("marker", bobNext.Type);
        Assert.Equal("{\"n\":1}", bobNext.Data);
    }

    [Fact]
    public async Task The_stream_needs_a_signed_in_staff_member()
    {
        var response = await app.Browser().GetAsync("/staff/events");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

}

/// <summary>A signed-in staff member's open <c>/staff/events</c> stream, read event by event.</summary>
internal sealed class EventStream(HttpClient client, HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    public static async Task WaitForListenerAsync(KithApp app, CancellationToken ct)
    {
        if (!app.Database.IsPostgres) return;
        var listener = app.Services.GetRequiredService<PostgresListener>();
        while (!listener.Listening) await Task.Delay(20, ct);
    }

    public static async Task<EventStream> OpenAsync(KithApp app, string email, CancellationToken ct)
    {
        var client = app.Browser();
        client.Timeout = Timeout.InfiniteTimeSpan;
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(client, email)).StatusCode);
        var response = await client.GetAsync("/staff/events", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(client, response, new StreamReader(await response.Content.ReadAsStreamAsync(ct)));
    }

    /// <summary>The next event other than the keep-alive ping.</summary>
    public async Task<(string Type, string Data)> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            string? type = null, data = null;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.Length == 0) break;
                if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            }
            if (type is null && data is null) throw new EndOfStreamException("The event stream ended.");
            if (type != "ping") return (type ?? "message", data ?? "");
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Several nodes on one PostgreSQL: an event published on one node reaches a subscriber connected to another.</summary>
[Trait("Category", "PostgresOnly")]
public sealed class CrossNodeLiveEventsTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task An_access_change_made_on_one_node_reaches_the_stream_open_on_another()
    {
        Assert.True(app.Database.IsPostgres, "PostgresOnly tests run with KITH_TEST_PROVIDER=postgres (./test.sh).");
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang guard, not a timing assertion
        var nodeB = new KithApp { SameDataAs = app };
        await ((IAsyncLifetime)nodeB).InitializeAsync();
        try
        {
            var org = await Staff.AddOrganisationAsync(app, "Two Node Centre");
            var adminId = await Staff.AddAsync(app, "admin@nodes.test", Roles.Admin, org);
            var carolId = await Staff.AddAsync(app, "carol@nodes.test", Roles.Responder, org);
            await EventStream.WaitForListenerAsync(app, guard.Token);
            await EventStream.WaitForListenerAsync(nodeB, guard.Token);

            await using var carolOnB = await EventStream.OpenAsync(nodeB, "carol@nodes.test", guard.Token);
            Assert.Equal("ready", (await carolOnB.NextAsync(guard.Token)).Type);
            await using (var scope = app.Services.CreateAsyncScope())
                Assert.True((await scope.ServiceProvider.GetRequiredService<StaffAccess>()
                    .SetAccessAsync(carolId, [Roles.Leader], [org], adminId, CancellationToken.None)).Succeeded);

            Assert.Equal("access-changed", (await carolOnB.NextAsync(guard.Token)).Type);
        }
        finally
        {
            await ((IAsyncLifetime)nodeB).DisposeAsync();
        }
    }
}
