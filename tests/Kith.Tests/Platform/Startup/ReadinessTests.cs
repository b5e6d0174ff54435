using Kith.Platform.Security;

namespace Kith.Tests.Platform.Startup;

/// <summary>/readyz turns 503 when the key ring on disk stops matching the database while the app runs.</summary>
[Trait("Category", "Integration")]
public sealed class ReadinessTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task A_key_lost_from_the_key_ring_while_running_makes_readyz_503_until_it_is_back()
    {
        Assert.Empty(await app.Services.GetRequiredService<KeyChecks>().VerifyAndRecordAsync());
        using var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        var key = Path.Combine(app.KeyRingPath, "secret-concern-receipts.key");
        var aside = app.KeyRingPath + "-receipts.aside";
        File.Move(key, aside);
        HttpResponseMessage lost;
        try
        {
            lost = await client.GetAsync("/readyz");
        }
        finally
        {
            File.Move(aside, key);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}
