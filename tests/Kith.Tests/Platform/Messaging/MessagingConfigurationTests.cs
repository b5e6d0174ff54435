namespace Kith.Tests.Platform.Messaging;

/// <summary>A node configured to send but missing what it needs refuses to start, and says what is missing.</summary>
[Trait("Category", "Integration")]
public sealed class MessagingConfigurationTests
{
    [Theory]
    [InlineData("Kith:Messaging:Email:Mode", "smtp", "Kith:Messaging:Email:Mode is smtp: set Kith:Messaging:Email:Host and Kith:Messaging:Email:From.")]
    [InlineData("Kith:Messaging:Sms:Mode", "http", "Kith:Messaging:Sms:Mode is http: set Kith:Messaging:Sms:AccountSid, Kith:Messaging:Sms:AuthToken and Kith:Messaging:Sms:From.")]
    public async Task A_sending_mode_without_its_settings_fails_start_with_a_clear_message(string key, string mode, string expected)
    {
        var app = new KithApp { MigrateDatabase = false }.Set(key, mode);
        try
        {
            var failure = await Record.ExceptionAsync(() => app.InitializeAsync());

            var validation = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(failure);
            Assert.Contains(expected, validation.Failures);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task An_unknown_mode_fails_start_too()
    {
        var app = new KithApp { MigrateDatabase = false }.Set("Kith:Messaging:Email:Mode", "carrier-pigeon");
        try
        {
            var failure = await Record.ExceptionAsync(() => app.InitializeAsync());

            Assert.NotNull(failure);
            Assert.Contains("Kith:Messaging:Email:Mode", failure.ToString());
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
