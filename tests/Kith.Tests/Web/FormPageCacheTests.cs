namespace Kith.Tests.Web;

/// <summary>
/// Pages with a form are never cached, and say so themselves in the form antiforgery wants: antiforgery no longer
/// overrides their header and logs "'Cache-Control' and 'Pragma' headers have been overridden" on every view.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FormPageCacheTests(KithApp app) : IClassFixture<KithApp>
{
    [Theory]
    [InlineData("/concerns")]
    [InlineData("/concerns/follow-up")]
    [InlineData("/safety-plan")]
    public async Task A_form_page_is_not_cached_and_logs_no_warning(string path)
    {
        using var client = app.Browser();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"__RequestVerificationToken\"", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl is { NoStore: true, NoCache: true }, response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("Antiforgery", StringComparison.Ordinal) && line.StartsWith("Warning", StringComparison.Ordinal));
    }
}
