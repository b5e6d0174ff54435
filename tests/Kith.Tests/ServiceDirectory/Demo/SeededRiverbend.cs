using System.Security.Cryptography;
using System.Text;
using Kith.Community.Demo;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Hsds;

namespace Kith.Tests.ServiceDirectory.Demo;

/// <summary>
/// One app and database for the demo tests: the whole Riverbend demo seeded twice through the community
/// module's seeder (the path `kith seed-demo` and first start take), with the directory's row counts, an
/// id checksum and the revision recorded before, between and after.
/// </summary>
public sealed class SeededRiverbend : IAsyncLifetime
{
    private static readonly string[] StoreTables = [.. HsdsSchema.Tables.Select(t => t.StoreTable), "directory_service_capacities", "directory_translations"];

    public KithApp App { get; } = new();
    public long RevisionBefore { get; private set; }
    public long RevisionAfterFirst { get; private set; }
    public long RevisionAfterSecond { get; private set; }
    public IReadOnlyDictionary<string, string> AfterFirst { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> AfterSecond { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        RevisionBefore = await Read(db => db.RevisionAsync(CancellationToken.None));
        await SeedAsync();
        RevisionAfterFirst = await Read(db => db.RevisionAsync(CancellationToken.None));
        AfterFirst = await Read(SnapshotAsync);
        await SeedAsync();
        RevisionAfterSecond = await Read(db => db.RevisionAsync(CancellationToken.None));
        AfterSecond = await Read(SnapshotAsync);
    }

    internal async Task<T> Read<T>(Func<KithDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KithDb>());
    }

    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
    }

    /// <summary>Per directory table: "row count / SHA-256 of the sorted ids".</summary>
    private static async Task<IReadOnlyDictionary<string, string>> SnapshotAsync(KithDb db)
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var table in StoreTables)
        {
            var sql = $"SELECT id AS \"Value\" FROM {table}"; // table names come from the schema, not from input
            var ids = (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order(StringComparer.Ordinal).ToList();
            snapshot[table] = $"{ids.Count} / {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids))))}";
        }
        return snapshot;
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}
