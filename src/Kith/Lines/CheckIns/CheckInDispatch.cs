using Kith.Lines.Sms;
using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.CheckIns;

/// <summary>
/// Sends a due check-in, caring contact or consent question from the line's number. The opt-out is checked again here
/// (STOP may have arrived since the text was made), and so are a pause or stop; a text that already has a provider
/// id is never sent again, so a retried outbox message cannot send twice.
/// </summary>
internal sealed class CheckInDispatch(KithDb db, ISmsChannel channel, MemberTexts member, TimeProvider time) : IOutboxHandler
{
    public string Topic => CheckInsDue.Topic;

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var id = delivery.Read<CheckInOut>().SendId;
        var send = await db.LineCheckInSends.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (send is not { Status: "pending", ProviderId: null }) return;
        var checkIn = await db.LineCheckIns.SingleAsync(c => c.Id == send.CheckInId, ct);
        var from = await db.Lines.Where(l => l.Id == checkIn.LineId).Select(l => l.SmsNumber ?? l.ShortCode).SingleAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var optedOut = await db.LineOptOuts.AnyAsync(o => o.SenderHash == checkIn.SenderHash, ct);
        var held = send.Kind != CheckInKinds.Consent && checkIn.Status is CheckInStatuses.Paused or CheckInStatuses.Stopped;
        if (optedOut || held || checkIn.Number is null || from is null)
        {
            send.Status = optedOut ? "opted-out" : held ? "skipped" : "undeliverable";
            await db.SaveChangesAsync(ct);
            return;
        }
        var text = send.Kind switch
        {
            CheckInKinds.Consent => member.In(checkIn.Language, checkIn.Kind == CheckInKinds.Caring ? MemberTexts.CaringConsent : MemberTexts.CheckInConsent),
            CheckInKinds.Caring => member.In(checkIn.Language, MemberTexts.Caring, checkIn.SenderName ?? ""),
            _ => member.In(checkIn.Language, MemberTexts.Question),
        };
        send.ProviderId = await channel.SendAsync(from, checkIn.Number, text, "C-" + checkIn.Id.ToString("N")[..8], ct);
        send.Status = "sent";
        send.SentAt = now;
        // The last caring contact went: the number is no longer needed by this schedule.
        if (checkIn.Status == CheckInStatuses.Ended) checkIn.Number = null;
        await db.SaveChangesAsync(ct);
    }
}
