namespace Kith.Tests.Lines;

/// <summary>
/// The app for the lines tests: a hand-moved clock at 9:00 on Monday 1 March 2027 in Chicago, SMS lines switched on
/// with a known auth token and public address (so tests can sign webhooks as Twilio does).
/// </summary>
public sealed class LinesApp : KithApp
{
    public const string AuthToken = "lines-test-auth-token";
    public const string PublicBaseUrl = "https://kith.lines.test";

    public LinesApp()
    {
        Time = Clock;
        Set("Kith:Lines:PublicBaseUrl", PublicBaseUrl);
        Set("Kith:Lines:Sms:Enabled", "true");
        Set("Kith:Lines:Sms:AuthToken", AuthToken);
    }

    public ManualTime Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero));
}
