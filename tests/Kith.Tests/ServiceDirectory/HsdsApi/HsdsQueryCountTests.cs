namespace Kith.Tests.ServiceDirectory.HsdsApi;

/// <summary>Nested documents are built from a few set-based queries per page, not a query per child.</summary>
[Trait("Category", "Integration")]
public sealed class HsdsQueryCountTests : IAsyncLifetime
{
    private readonly CommandCounter commands = new();
    private readonly KithApp app;

    public HsdsQueryCountTests()
    {
        // Commands are counted by an interceptor, not from the logs: SQL is never logged (finding 4 of issue 11).
        // The search index refresher polls the database too; keep it quiet so only the request's queries are counted.
        app = new KithApp { ConfigureTestServices = s => s.ConfigureDbContext<KithDb>(o => o.AddInterceptors(commands)) }
            .Set("Kith:Directory:IndexPollSeconds", "3600");
    }

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)app).InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await GeneratedDirectory.Create(services: 220, seed: 31).SaveAsync(scope.ServiceProvider.GetRequiredService<KithDb>(), CancellationToken.None);
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    [Theory]
    [InlineData("/api/hsds/services?full=true&per_page={0}")]
    [InlineData("/api/hsds/service_at_locations?full=true&per_page={0}")]
    [InlineData("/api/hsds/organizations?full_service=true&per_page={0}")]
    public async Task A_fully_nested_page_costs_a_few_dozen_queries_whatever_its_size(string path)
    {
        var client = app.Browser();

        var small = await QueriesAsync(client, string.Format(path, 5));
        var large = await QueriesAsync(client, string.Format(path, 50));

        Assert.True(small > 5, $"{small} queries: is command logging on?");
        Assert.True(large <= 40, $"a page of 50 took {large} queries");
        Assert.True(large <= small + 5, $"5 items took {small} queries, 50 took {large}");
    }

    private async Task<int> QueriesAsync(HttpClient client, string path)
    {
        await client.GetStringAsync(path); // warm: the first request also compiles queries
        var before = commands.Executed;
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        return commands.Executed - before;
    }

    private sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int executed;
        public int Executed => Volatile.Read(ref executed);

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref executed);
            return ValueTask.FromResult(result);
        }

        public override System.Data.Common.DbDataReader ReaderExecuted(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result)
        {
            Interlocked.Increment(ref executed);
            return result;
        }
    }
}
