namespace Kith.Tests.Concerns.FollowUp;

/// <summary>The app for <see cref="ReceiptBrakePageTests"/>: three wrong receipts per client before the brake.</summary>
public sealed class ReceiptBrakeApp : KithApp
{
    public const int Allowed = 3;

    public ReceiptBrakeApp() => Set("Kith:Concerns:ReceiptFailuresPerClient", Allowed.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>After too many wrong receipts the follow-up page answers 429 — even to the right receipt, which it must not confirm.</summary>
[Trait("Category", "Integration")]
public sealed class ReceiptBrakePageTests(ReceiptBrakeApp app) : IClassFixture<ReceiptBrakeApp>
{
    [Fact]
    public async Task After_too_many_wrong_receipts_even_the_right_one_waits()
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await ConcernPages.OpenAsync(client, receipt)).Response.StatusCode);

        for (var i = 0; i < ReceiptBrakeApp.Allowed; i++)
            Assert.Equal(HttpStatusCode.OK, (await ConcernPages.OpenAsync(client, $"wrong-{i}")).Response.StatusCode);
        var (response, body, page) = await ConcernPages.OpenAsync(client, receipt);
        var (reply, _, _) = await ConcernPages.ReplyAsync(client, receipt, "Marker-braked-reply");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Too many codes were tried from here. Wait a few minutes, then try again.", page.QuerySelector("#receipt-problem")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".concern-stage"));
        Assert.Equal(HttpStatusCode.TooManyRequests, reply.StatusCode);
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        Assert.False(await ConcernData.ReadAsync(app, db => db.ConcernMessages.AnyAsync(m => m.ConcernId == concern.Id)));
    }
}
