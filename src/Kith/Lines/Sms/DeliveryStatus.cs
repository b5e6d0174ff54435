using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Sms;

/// <summary>
/// A delivery callback updates the outgoing text the provider id names. Callbacks can arrive out of order, so a status
/// only moves forward (queued → sending → sent → delivered / undelivered / failed → read). An unknown text or status
/// changes nothing (the provider still gets 200, or it would retry a callback we can never use).
/// </summary>
internal sealed class DeliveryStatus(KithDb db, TimeProvider time)
{
    private static readonly Dictionary<string, int> Progress = new(StringComparer.Ordinal)
    {
        ["pending"] = 0, ["accepted"] = 1, ["scheduled"] = 1, ["queued"] = 1, ["sending"] = 2, ["sent"] = 3,
        ["delivered"] = 4, ["undelivered"] = 4, ["failed"] = 4, ["canceled"] = 4, ["partially_delivered"] = 4, ["read"] = 5,
    };

    public async Task RecordAsync(string messageSid, string status, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(messageSid) || messageSid.Length > 64 || !Progress.TryGetValue(status, out var next)) return;
        var message = await db.LineMessages.SingleOrDefaultAsync(m => m.ProviderId == messageSid, ct);
        if (message is null) return;
        if (message.DeliveryStatus is { } current && Progress.TryGetValue(current, out var now) && now >= next) return;
        message.DeliveryStatus = status;
        message.StatusAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
