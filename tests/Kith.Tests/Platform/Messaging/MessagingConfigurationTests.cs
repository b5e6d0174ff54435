namespace Kith.Tests.Platform.Messaging;

/// <summary>
/// A node configured to send but missing what it needs refuses to start, and says what is missing — checked on
/// the real executable, as an operator would meet it (exit code and what it printed).
/// </summary>
[Trait("Category", "Integration")]
public sealed class MessagingConfigurationTests
{
    [Theory]
    [InlineData("Kith__Messaging__Email__Mode", "smtp", "Kith:Messaging:Email:Mode is smtp: set Kith:Messaging:Email:Host and Kith:Messaging:Email:From.")]
    [InlineData("Kith__Messaging__Sms__Mode", "http", "Kith:Messaging:Sms:Mode is http: set Kith:Messaging:Sms:AccountSid, Kith:Messaging:Sms:AuthToken and Kith:Messaging:Sms:From.")]
    [InlineData("Kith__Messaging__Email__Mode", "carrier-pigeon", "Kith:Messaging:Email:Mode")]
    public async Task A_sending_mode_without_its_settings_fails_start_with_a_clear_message(string key, string mode, string expected)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("kith-messaging-config-").FullName;
        try
        {
            var failure = await Record.ExceptionAsync(() => KithProcess.StartNodeAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(directory, "kith.db")}",
                ["ConnectionStrings__Postgres"] = "",
                ["Kith__KeyRingPath"] = Path.Combine(directory, "keys"),
                ["Kith__DemoOnFirstStart"] = "false",
                [key] = mode,
            }));

            // StartNodeAsync throws when the process exits before it is healthy, with everything it printed.
            var exited = Assert.IsType<InvalidOperationException>(failure);
            Assert.StartsWith("Node exited", exited.Message);
            Assert.Contains(expected, exited.Message);
        }
        finally
        {
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
