using System.Security.Cryptography;
using System.Text;
using Kith.Tests.Infrastructure;
using Npgsql;

namespace Kith.BrowserTests;

/// <summary>
/// Two Kith processes on one PostgreSQL database and one key ring, with SMS lines switched on (a known auth token and
/// public address, so the test signs webhooks as Twilio does): the scale-out shape a text line runs on. Seeded as an
/// operator would, once: migrate, the Riverbend demo (its lines, all answered by the county crisis team), and two
/// responders on that team — the nodes start only after, so no first-start seeding races. The database comes from
/// <c>KITH_TEST_POSTGRES</c> (exported by ./test.sh): without it this fails, it never skips.
/// </summary>
public sealed class TwoLineNodes : IAsyncLifetime
{
    public const string AuthToken = "two-line-nodes-auth-token";
    public const string PublicBaseUrl = "https://kith.two-nodes.test";
    /// <summary>The Riverbend County Crisis Text Line's number (24/7, answered by the county crisis team).</summary>
    public const string CrisisLine = "+15075550100";
    public const string Password = "two nodes correct horse battery";

    private readonly string keyRing = Directory.CreateTempSubdirectory("kith-two-line-nodes-").FullName;
    private string adminConnection = "";
    private string databaseName = "";

    public KithProcess NodeA { get; private set; } = default!;
    public KithProcess NodeB { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public DemoAccount ResponderA { get; } = new("responder", "line-a@two-nodes.test", Password);
    public DemoAccount ResponderB { get; } = new("responder", "line-b@two-nodes.test", Password);

    /// <summary>What both nodes printed (for failure messages).</summary>
    public string Output => $"--- node A ---\n{NodeA?.Output}\n--- node B ---\n{NodeB?.Output}";

    public async Task InitializeAsync()
    {
        adminConnection = Environment.GetEnvironmentVariable("KITH_TEST_POSTGRES")
            ?? throw new InvalidOperationException("KITH_TEST_POSTGRES is not set: the two-node line test needs PostgreSQL (./test.sh starts a cluster and exports it).");
        var browser = Chromium.BrowserAsync(); // launches while the nodes are prepared
        databaseName = "kith_lines_two_nodes_" + Guid.NewGuid().ToString("N")[..12];
        await SqlAsync(adminConnection, $"CREATE DATABASE {databaseName}");
        var database = new NpgsqlConnectionStringBuilder(adminConnection) { Database = databaseName }.ConnectionString;
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = database,
            ["ConnectionStrings__Sqlite"] = "",
            ["Kith__KeyRingPath"] = keyRing,
            ["Kith__Lines__PublicBaseUrl"] = PublicBaseUrl,
            ["Kith__Lines__Sms__Enabled"] = "true",
            ["Kith__Lines__Sms__AuthToken"] = AuthToken,
            ["Kith__RateLimits__PublicPerMinute"] = "100000",
            ["Kith__RateLimits__SignInPerMinute"] = "100000",
        };
        await CommandAsync(environment, "migrate");
        await CommandAsync(environment, "seed-demo");
        await Task.WhenAll(new[] { ResponderA, ResponderB }.Select(responder => CommandAsync(environment, "users", "add", "--email", responder.Email,
            "--name", responder.Email.Split('@')[0], "--role", "responder", "--org", "County Public Health", "--password", Password)));
        // Team membership has no command: the test does what an administrator's PUT /api/responders/teams/{id}/members would.
        var joined = await SqlAsync(database, """
            INSERT INTO responders_team_members (team_id, user_id, email_alerts, sms_alerts)
            SELECT t.id, s.id, false, false FROM responders_teams t CROSS JOIN community_staff s
            WHERE t.name = 'County crisis team' AND s.email IN ('line-a@two-nodes.test', 'line-b@two-nodes.test')
            """);
        if (joined != 2) throw new InvalidOperationException($"Expected both responders on the county crisis team, joined {joined}.");
        var nodes = await Task.WhenAll(KithProcess.StartNodeAsync(environment), KithProcess.StartNodeAsync(environment));
        (NodeA, NodeB) = (nodes[0], nodes[1]);
        Browser = await browser;
    }

    /// <summary>A new, isolated browser context (own cookies) on one node.</summary>
    public Task<IBrowserContext> NewContextAsync(KithProcess node) =>
        Browser.NewContextAsync(new() { BaseURL = node.Address!.ToString().TrimEnd('/'), Locale = "en-US", ViewportSize = new() { Width = 1366, Height = 900 } });

    /// <summary>A phone (390×844, touch) on one node, with or without JavaScript: a web-chat visitor.</summary>
    public Task<IBrowserContext> NewPhoneAsync(KithProcess node, bool javaScript) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = node.Address!.ToString().TrimEnd('/'), Locale = "en-US", JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
        });

    /// <summary>An inbound text, posted to <paramref name="node"/> and signed as Twilio signs it for the public address.</summary>
    public async Task TextAsync(KithProcess node, string from, string body)
    {
        const string path = "/api/lines/sms/inbound";
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["From"] = from, ["To"] = CrisisLine, ["Body"] = body };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.Address!, path)) { Content = new FormUrlEncodedContent(form) };
        // Twilio's algorithm: HMAC-SHA1 keyed by the auth token over the URL and every parameter sorted by name as name+value.
        var signed = PublicBaseUrl + path + string.Concat(form.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
        request.Headers.Add("X-Twilio-Signature", Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(AuthToken), Encoding.UTF8.GetBytes(signed))));
        using var http = new HttpClient();
        var response = await http.SendAsync(request);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
            throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (NodeA is not null) await NodeA.DisposeAsync();
        if (NodeB is not null) await NodeB.DisposeAsync();
        if (databaseName.Length > 0) await SqlAsync(adminConnection, $"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)");
        try { Directory.Delete(keyRing, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static async Task CommandAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var run = await KithProcess.RunCommandAsync(environment, args);
        if (run.ExitCode != 0) throw new InvalidOperationException($"kith {string.Join(' ', args)} failed ({run.ExitCode}):\n{run.Output}");
    }

    private static async Task<int> SqlAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
