namespace Kith.Tests;

/// <summary>A number that texted STOP to a line, kept as the lines keep it (a keyed hash), so every module's texts skip it.</summary>
internal static class TextStops
{
    public static async Task StopAsync(KithApp app, string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var hash = scope.ServiceProvider.GetRequiredService<Kith.Lines.Conversations.SenderKey>().Hash(number);
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        db.LineOptOuts.Add(new Kith.Lines.Domain.OptOut { SenderHash = hash, At = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
