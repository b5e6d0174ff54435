using Kith.Lines.Conversations;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Contracts;

/// <summary>
/// Whether a number sent STOP to any line (and not START since): other modules that text people — group reminders,
/// a place that opened — send nothing to it, as the carrier would refuse anyway and the person asked for silence.
/// </summary>
internal interface ITextOptOuts
{
    Task<bool> IsOptedOutAsync(string number, CancellationToken ct);
}

internal sealed class TextOptOutsFromDatabase(KithDb db, SenderKey senders) : ITextOptOuts
{
    public async Task<bool> IsOptedOutAsync(string number, CancellationToken ct)
    {
        var hash = senders.Hash(number);
        return await db.LineOptOuts.AnyAsync(o => o.SenderHash == hash, ct);
    }
}
