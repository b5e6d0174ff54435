namespace Kith.Tests.Platform.Messaging;

/// <summary>
/// An app configured to send through a fake carrier on loopback (SMTP relay, SMS gateway), which it stops when
/// disposed. Its job runner is not started: tests drive it one poll at a time.
/// </summary>
public abstract class FakeCarrierApp : KithApp
{
    private readonly IDisposable carrier;

    protected FakeCarrierApp(IDisposable carrier, params (string Key, string Value)[] settings)
    {
        this.carrier = carrier;
        foreach (var (key, value) in settings) Set(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) carrier.Dispose();
        base.Dispose(disposing);
    }
}
