using Npgsql;

namespace Kith.Tests.MultiNode;

/// <summary>
/// Two real app processes on different ports against one PostgreSQL database and one key-ring
/// directory: the scale-out shape. Sign-in is shared, live events cross nodes, each job runs once.
/// </summary>
[Trait("Category", "PostgresOnly")]
[RunsLong]
public sealed class TwoNodesTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private readonly string keyRing = Path.Combine(Path.GetTempPath(), "kith-tests", "two-nodes-" + Guid.NewGuid().ToString("N"));
    private KithProcess nodeA = default!;
    private KithProcess nodeB = default!;
    private Dictionary<string, string> environment = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreatePostgresAsync();
        environment = new()
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Kith__KeyRingPath"] = keyRing,
            ["Kith__Jobs__PollInterval"] = "00:00:00.200",
            ["Kith__Jobs__BatchSize"] = "5",
        };
        // The deployment steps an operator takes: migrate, add an admin, start the nodes.
        var migrate = await KithProcess.RunCommandAsync(environment, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Output);
        var add = await KithProcess.RunCommandAsync(environment, "users", "add", "--email", "admin@nodes.test", "--name", "Node Admin",
            "--role", "admin", "--password", Staff.Password);
        Assert.True(add.ExitCode == 0, add.Output);
        var nodes = await Task.WhenAll(KithProcess.StartNodeAsync(environment), KithProcess.StartNodeAsync(environment));
        (nodeA, nodeB) = (nodes[0], nodes[1]);
    }

    [Fact]
    public async Task A_sign_in_on_one_node_is_honoured_by_the_other()
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies };
        using var client = new HttpClient(handler);

        // The form (and its antiforgery token) comes from node B; the sign-in is posted to node A.
        client.BaseAddress = nodeB.Address;
        var token = await Staff.AntiforgeryTokenAsync(client, "/staff/sign-in");
        var signIn = await client.PostAsync(new Uri(nodeA.Address!, "/staff/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "admin@nodes.test",
            ["Input.Password"] = Staff.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Cookies are per host; carry node A's cookies to node B as a load balancer's client would.
        foreach (Cookie c in cookies.GetCookies(nodeA.Address!))
            cookies.Add(nodeB.Address!, new Cookie(c.Name, c.Value, "/"));
        var dashboard = await client.GetAsync(new Uri(nodeB.Address!, "/staff"));

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Welcome, Node Admin", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_directory_change_is_found_by_search_on_every_node_within_seconds()
    {
        using var client = new HttpClient();
        async Task<int> TotalOn(KithProcess node)
        {
            var body = await client.GetStringAsync(new Uri(node.Address!, "/api/directory/search?q=grief"));
            return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32();
        }
        Assert.Equal(0, await TotalOn(nodeA));

        // A third process (the operator's command) changes the directory; neither node is told directly.
        var seed = await KithProcess.RunCommandAsync(environment, "seed-demo");
        Assert.True(seed.ExitCode == 0, seed.Output);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var (a, b) = (0, 0);
        while (DateTime.UtcNow < deadline)
        {
            (a, b) = (await TotalOn(nodeA), await TotalOn(nodeB));
            if (a > 0 && b > 0) break;
            await Task.Delay(250);
        }
        Assert.True(a > 0 && a == b, $"node A found {a}, node B {b}");
    }

    [Fact]
    public async Task Every_probe_job_runs_exactly_once_and_both_nodes_take_work()
    {
        const int probes = 300;

        var run = await KithProcess.RunCommandAsync(environment, "jobs", "probe", "--count", probes.ToString());

        Assert.True(run.ExitCode == 0, run.Output);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var perMessage = new NpgsqlCommand("SELECT count(*) FROM (SELECT message_id FROM platform_probe_runs GROUP BY message_id HAVING count(*) > 1) d", connection);
        Assert.Equal(0L, (long)(await perMessage.ExecuteScalarAsync())!);
        await using var total = new NpgsqlCommand("SELECT count(*), count(DISTINCT message_id), count(DISTINCT node_id) FROM platform_probe_runs", connection);
        await using var reader = await total.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(probes, reader.GetInt64(0));
        Assert.Equal(probes, reader.GetInt64(1));
        Assert.Equal(2, reader.GetInt64(2));
    }

    public async Task DisposeAsync()
    {
        if (nodeA is not null) await nodeA.DisposeAsync();
        if (nodeB is not null) await nodeB.DisposeAsync();
        await database.DisposeAsync();
        try { Directory.Delete(keyRing, recursive: true); } catch (IOException) { }
    }
}
