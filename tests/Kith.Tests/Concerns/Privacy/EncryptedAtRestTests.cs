using System.Net.Http.Json;
using Kith.Concerns.Domain;

namespace Kith.Tests.Concerns.Privacy;

/// <summary>
/// What people wrote never reaches the database in clear: narrative, contact details, the reporter's
/// replies, staff notes and messages, reasons, intervention notes. The app still reads them back.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EncryptedAtRestTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task The_database_holds_no_plaintext_of_anything_written()
    {
        var client = app.CreateClient();
        var (receipt, _) = await ConcernData.SubmitAsync(client, new
        {
            about = "neighbour", categories = new[] { "being-hurt" }, urgency = "soon",
            narrative = "plain-narrative-91c2 I hear shouting every night next door.",
            contactName = "plain-name-91c2", contactPhone = "+1 555 0100 912", contactEmail = "plain-91c2@example.org",
        });
        var reply = await client.PostAsJsonAsync("/api/concerns/follow-up/messages", new { receipt, text = "plain-reply-91c2 it happened again" });
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        await WriteStaffRecordsAsync(concern.Id);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        string[] plaintext = ["plain-narrative-91c2", "plain-name-91c2", "555 0100 912", "plain-91c2@example.org", "plain-reply-91c2",
            "plain-note-91c2", "plain-message-91c2", "plain-reason-91c2", "plain-intervention-91c2", "plain-handoff-91c2"];
        Assert.Contains(concern.Reference, await StoredBytes.FindAsync(app.Database, [concern.Reference])); // the scan sees stored text
        Assert.Empty(await StoredBytes.FindAsync(app.Database, plaintext));
        // …and the app reads it all back through the key ring.
        Assert.StartsWith("plain-narrative-91c2", concern.Narrative);
        Assert.Equal(("plain-name-91c2", "plain-91c2@example.org"), (concern.ContactName, concern.ContactEmail));
        Assert.False(concern.Anonymous);
        var bodies = await ConcernData.ReadAsync(app, db => db.ConcernMessages.Where(m => m.ConcernId == concern.Id).Select(m => m.Body).ToListAsync());
        Assert.Contains("plain-reply-91c2 it happened again", bodies);
        Assert.Contains("plain-note-91c2", bodies);
    }

    /// <summary>What responders write, through the same EF mapping the case pages use.</summary>
    private async Task WriteStaffRecordsAsync(Guid concern)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var now = DateTime.UtcNow;
        db.ConcernMessages.Add(new ConcernMessage { Id = Guid.NewGuid(), ConcernId = concern, At = now, Kind = MessageKinds.Note, AuthorId = "staff", Body = "plain-note-91c2" });
        db.ConcernMessages.Add(new ConcernMessage { Id = Guid.NewGuid(), ConcernId = concern, At = now, Kind = MessageKinds.Message, AuthorId = "staff", Body = "plain-message-91c2" });
        db.ConcernStatusChanges.Add(new ConcernStatusChange { Id = Guid.NewGuid(), ConcernId = concern, At = now, PreviousStatus = "new", Status = "acknowledged", ById = "staff", Reason = "plain-reason-91c2" });
        db.Interventions.Add(new Intervention { Id = Guid.NewGuid(), ConcernId = concern, Type = "welfare-check", OccurredOn = DateOnly.FromDateTime(now), ById = "staff", RecordedAt = now, Notes = "plain-intervention-91c2" });
        db.HandOffs.Add(new HandOff { Id = Guid.NewGuid(), ConcernId = concern, At = now, ToTeamId = Guid.NewGuid(), ById = "staff", Reason = "plain-handoff-91c2" });
        await db.SaveChangesAsync();
    }
}
