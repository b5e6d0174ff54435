namespace Kith.Tests.Lines;

/// <summary>SMS lines switched on without the secret that proves a webhook came from the provider: the app refuses to start, saying what is missing.</summary>
[Trait("Category", "Integration")]
public sealed class LineSettingsTests
{
    [Theory]
    [InlineData("https://kith.settings.test", null, "Kith:Lines:Sms:AuthToken")]
    [InlineData(null, "a-token", "Kith:Lines:PublicBaseUrl")]
    public async Task Sms_lines_without_their_auth_token_or_public_address_refuse_to_start(string? publicBaseUrl, string? token, string named)
    {
        var app = new KithApp().Set("Kith:Lines:Sms:Enabled", "true").Set("Kith:Lines:PublicBaseUrl", publicBaseUrl).Set("Kith:Lines:Sms:AuthToken", token);
        try
        {
            var failure = await Record.ExceptionAsync(() => ((IAsyncLifetime)app).InitializeAsync());
            Assert.NotNull(failure);
            Assert.Contains(named, failure.ToString());
        }
        finally
        {
            try { await ((IAsyncLifetime)app).DisposeAsync(); } catch (Exception) { } // the host never started
        }
    }
}
