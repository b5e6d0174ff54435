namespace Kith.Tests.ServiceDirectory.FindHelp;

/// <summary>
/// Find help asked for just after start-up, while the search index is still being built: the page waits for it
/// and answers (it used to render once before the index was there and fail with a 500).
/// </summary>
[Trait("Category", "Integration")]
public sealed class FindHelpStartupTests : IClassFixture<FindHelpStartupTests.App>
{
    private readonly App app;

    public FindHelpStartupTests(App app) => this.app = app;

    /// <summary>An app whose database is migrated only when the test says, so the first index build must wait.</summary>
    public sealed class App : KithApp
    {
        public App()
        {
            MigrateDatabase = false;
            Set("Kith:Directory:IndexPollSeconds", "0.5");
        }
    }

    [Fact]
    public async Task A_search_sent_before_the_index_exists_waits_for_it_and_answers()
    {
        var pending = app.CreateClient().GetAsync("/help?q=grief");
        await Task.Delay(TimeSpan.FromSeconds(1)); // the request is waiting on the first build, which cannot happen yet
        Assert.False(pending.IsCompleted);

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        var response = await pending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("find-help-title", await response.Content.ReadAsStringAsync());
    }
}
