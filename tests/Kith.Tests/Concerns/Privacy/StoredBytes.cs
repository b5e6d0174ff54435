using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Kith.Tests.Concerns.Privacy;

/// <summary>
/// Everything the database holds, as a scanner sees it: the SQLite files byte for byte (main file, WAL and
/// shared memory), or every row of every table on PostgreSQL rendered as text.
/// </summary>
internal static class StoredBytes
{
    public static async Task<IReadOnlyList<string>> FindAsync(TestDatabase database, IEnumerable<string> needles)
    {
        var list = needles.ToList();
        return database.IsPostgres ? await FindInPostgresAsync(database.ConnectionString, list) : FindInSqliteFiles(database.ConnectionString, list);
    }

    private static List<string> FindInSqliteFiles(string connectionString, List<string> needles)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        // The log before the main file: a checkpoint between the two reads moves pages from the log into the file,
        // so read in this order every page is seen in one or the other (the other order could miss it in both).
        var blobs = new[] { file + "-wal", file + "-shm", file + "-journal", file }.Where(File.Exists).Select(File.ReadAllBytes).ToList();
        Assert.NotEmpty(blobs);
        return needles.Where(n => blobs.Any(b => Contains(b, Encoding.UTF8.GetBytes(n)) || Contains(b, Encoding.Unicode.GetBytes(n)))).ToList();
    }

    private static async Task<List<string>> FindInPostgresAsync(string connectionString, List<string> needles)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.NotEmpty(tables);
        var found = new HashSet<string>();
        foreach (var table in tables)
        {
            await using var dump = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await dump.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = reader.GetString(0);
                foreach (var n in needles.Where(n => row.Contains(n, StringComparison.Ordinal))) found.Add(n);
            }
        }
        return found.ToList();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>An HTTP client whose connections come from a chosen loopback address (Linux routes all of 127/8 to lo).</summary>
    public static HttpClient ClientFrom(string localAddress, Uri baseAddress, string? userAgent = null, bool keepCookies = false)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = keepCookies,
            CookieContainer = new System.Net.CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = baseAddress };
        if (userAgent is not null) client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }
}
