using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kith.Tests.Platform;

/// <summary>The SQL migrations and the EF model describe the same schema, on each provider.</summary>
[Trait("Category", "Integration")]
public sealed class SchemaTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Every_table_and_column_of_the_model_exists_and_nothing_else()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var model = db.Model.GetEntityTypes()
            .GroupBy(e => e.GetTableName()!)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.GetProperties().Select(p => p.GetColumnName(StoreObjectIdentifier.Table(g.Key, null))!)).ToHashSet());

        var actual = await ReadSchemaAsync(db, app.Database.IsPostgres);
        actual.Remove("platform_migrations");

        Assert.Equal(model.Keys.Order(), actual.Keys.Order());
        foreach (var (table, columns) in model)
            Assert.True(columns.SetEquals(actual[table]),
                $"{table}: model has [{string.Join(", ", columns.Order())}], database has [{string.Join(", ", actual[table].Order())}]");
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_the_database_is_ready()
    {
        var migrator = app.Services.GetRequiredService<Migrator>();

        Assert.Equal(0, await migrator.MigrateAsync());
        Assert.Empty(await migrator.PendingAsync());
        var ready = await app.Browser().GetAsync("/readyz");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task<Dictionary<string, HashSet<string>>> ReadSchemaAsync(KithDb db, bool postgres)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, HashSet<string>>();
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
            : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            if (!result.TryGetValue(table, out var columns)) result[table] = columns = [];
            columns.Add(reader.GetString(1));
        }
        return result;
    }
}
