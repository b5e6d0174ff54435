using System.Globalization;
using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.CheckIns;

/// <summary>
/// <c>POST /api/lines/check-ins</c>: a member enrolled on a line by a responder or an administrator. Time "HH:mm" in the
/// line's time zone; weekdays ("monday" … "sunday") or every N days; language one of the line's; how the member agreed
/// ("verbal on call"); hours a reply may take before a person is asked to look (default 24).
/// </summary>
internal sealed record EnrolRequest(Guid? Line, string? Number, string? Language, string? ConsentHow, string? Time,
    string[]? Weekdays, int? EveryDays, int? ReplyWithinHours);

/// <summary>A schedule as staff see it: never the number.</summary>
internal sealed record CheckInView(Guid Id, Guid LineId, string Line, string Kind, string Status, string Language, string Schedule,
    string ConsentHow, DateTime ConsentAt, DateTime? ConfirmedAt, int? LastScore, DateTime? LastRepliedAt, DateTime? NextDueAt);

internal enum EnrolOutcome { Done, Invalid, NotFound, Conflict }

/// <summary>
/// Staff's side of check-ins and caring contacts: enrol (consent recorded, then the member's YES asked by text before
/// anything else is sent), list, pause, resume and stop; and the caring contact offer after a crisis conversation.
/// Each change is audited with ids only.
/// </summary>
internal sealed class Enrolments(KithDb db, SenderKey senders, AuditLog audit, TimeProvider time)
{
    public const int MaxReplyWithinHours = 7 * 24;
    public const int CaringLocalMinutes = 10 * 60; // mid-morning: not at night, not at the school run

    public async Task<(EnrolOutcome, Guid?, Dictionary<string, string[]>)> EnrolAsync(EnrolRequest request, string actorId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var line = request.Line is { } lineId ? await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId && l.Active, ct) : null;
        if (line is null || line.SmsNumber is null && line.ShortCode is null) errors["line"] = ["Choose an active line that sends texts."];
        var number = SenderKey.Normalize(request.Number ?? "");
        if (!number.StartsWith('+') || number.Length is < 9 or > 16) errors["number"] = ["Enter the number in international form, e.g. +15075550100."];
        var setup = line is null ? null : LineSetup.Of(line);
        if (request.Language is not { } language || setup is not null && !setup.Languages.Contains(language))
            errors["language"] = ["Choose one of the line's languages."];
        if (string.IsNullOrWhiteSpace(request.ConsentHow) || request.ConsentHow.Trim().Length > 200 || request.ConsentHow.Any(char.IsControl))
            errors["consentHow"] = ["Say how the member agreed (e.g. verbal on call), in at most 200 characters."];
        if (!TimeOnly.TryParseExact(request.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            errors["time"] = ["Give the local time as HH:mm, e.g. 09:00."];
        var weekdays = request.Weekdays ?? [];
        if (weekdays.Length > 0 == request.EveryDays is not null || weekdays.Any(d => LineSetup.Weekdays.All(w => w.Code != d)) || request.EveryDays is < 1 or > 30)
            errors["weekdays"] = ["Choose weekdays (monday … sunday) or every 1 to 30 days, not both."];
        if (request.ReplyWithinHours is < 1 or > MaxReplyWithinHours) errors["replyWithinHours"] = ["Give 1 to 168 hours."];
        if (errors.Count > 0) return (EnrolOutcome.Invalid, null, errors);

        var hash = senders.Hash(number);
        if (await db.LineCheckIns.AnyAsync(c => c.LineId == line!.Id && c.SenderHash == hash && c.Kind == CheckInKinds.CheckIn
                && c.Status != CheckInStatuses.Stopped && c.Status != CheckInStatuses.Ended, ct))
            return (EnrolOutcome.Conflict, null, new() { ["number"] = ["This number already has check-ins on this line."] });
        var now = time.GetUtcNow().UtcDateTime;
        var checkIn = new CheckIn
        {
            Id = Guid.CreateVersion7(now), LineId = line!.Id, Kind = CheckInKinds.CheckIn, SenderHash = hash, Number = number, Language = request.Language!,
            ConsentHow = request.ConsentHow!.Trim(), ConsentBy = actorId, ConsentAt = now, LocalMinutes = at.Hour * 60 + at.Minute,
            Weekdays = string.Join(' ', LineSetup.Weekdays.Where(w => weekdays.Contains(w.Code)).Select(w => w.Code)), EveryDays = request.EveryDays,
            ReplyWithinHours = request.ReplyWithinHours ?? 24, CreatedAt = now, UpdatedAt = now,
        };
        await AddAsync(checkIn, "lines.check-in-enrolled", actorId, now, ct);
        return (EnrolOutcome.Done, checkIn.Id, errors);
    }

    /// <summary>Caring contacts offered after a crisis conversation: the consent question goes to the texter, signed later with the name they chose.</summary>
    public async Task<(EnrolOutcome, Guid?, Dictionary<string, string[]>)> OfferCaringAsync(Guid conversationId, string? senderName, string actorId, CancellationToken ct)
    {
        var conversation = await db.LineConversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null) return (EnrolOutcome.NotFound, null, []);
        var name = senderName?.Trim() ?? "";
        if (name.Length is < 1 or > 40 || name.Any(char.IsControl))
            return (EnrolOutcome.Invalid, null, new() { ["senderName"] = ["Give the name the texter chose to sign the texts, in at most 40 characters."] });
        if (conversation.SenderNumber is null || conversation.OptedOut || await db.LineOptOuts.AnyAsync(o => o.SenderHash == conversation.SenderHash, ct))
            return (EnrolOutcome.Conflict, null, new() { ["conversation"] = ["Their number is no longer kept, or they opted out: caring contacts cannot reach them."] });
        if (await db.LineCheckIns.AnyAsync(c => c.LineId == conversation.LineId && c.SenderHash == conversation.SenderHash && c.Kind == CheckInKinds.Caring
                && c.Status != CheckInStatuses.Stopped && c.Status != CheckInStatuses.Ended, ct))
            return (EnrolOutcome.Conflict, null, new() { ["conversation"] = ["Caring contacts were already offered to this texter on this line."] });
        var now = time.GetUtcNow().UtcDateTime;
        var caring = new CheckIn
        {
            Id = Guid.CreateVersion7(now), LineId = conversation.LineId, Kind = CheckInKinds.Caring, SenderHash = conversation.SenderHash,
            Number = conversation.SenderNumber, Language = conversation.Language, ConsentHow = "offered by the responder; confirmed by texting YES",
            ConsentBy = actorId, ConsentAt = now, LocalMinutes = CaringLocalMinutes, SenderName = name, ConversationId = conversation.Id,
            CreatedAt = now, UpdatedAt = now,
        };
        await AddAsync(caring, "lines.caring-contacts-offered", actorId, now, ct);
        return (EnrolOutcome.Done, caring.Id, []);
    }

    /// <summary>The schedule and its consent question, made and sent exactly as a due text is (one row, one outbox message).</summary>
    private async Task AddAsync(CheckIn schedule, string action, string actorId, DateTime now, CancellationToken ct)
    {
        db.LineCheckIns.Add(schedule);
        var send = CheckInsDue.New(schedule, CheckInKinds.Consent, now, "pending", now);
        db.LineCheckInSends.Add(send);
        db.Outbox.Add(OutboxMessage.Create(CheckInsDue.Topic, new CheckInOut(send.Id), now, idempotencyKey: CheckInsDue.Key(schedule.Id, send.Kind, now)));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(action, actorId, "line-check-in", schedule.Id.ToString(), null, ct);
    }

    public async Task<IReadOnlyList<CheckInView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.LineCheckIns.AsNoTracking().Join(db.Lines.AsNoTracking(), c => c.LineId, l => l.Id, (c, l) => new { c, l.Name, l.TimeZone })
            .OrderBy(x => x.c.Status).ThenBy(x => x.c.CreatedAt).Take(500).ToListAsync(ct);
        return [.. rows.Select(x => new CheckInView(x.c.Id, x.c.LineId, x.Name, x.c.Kind, x.c.Status, x.c.Language, Describe(x.c, x.TimeZone),
            x.c.ConsentHow, x.c.ConsentAt, x.c.ConfirmedAt, x.c.LastScore, x.c.LastRepliedAt, x.c.NextDueAt))];
    }

    /// <summary>pause, resume or stop by a responder: the same effect as the member's own PAUSE, RESUME or STOP CHECKINS.</summary>
    public async Task<EnrolOutcome> ChangeAsync(Guid id, string change, string actorId, CancellationToken ct)
    {
        var schedule = await db.LineCheckIns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (schedule is null) return EnrolOutcome.NotFound;
        var now = time.GetUtcNow().UtcDateTime;
        switch (change, schedule.Status)
        {
            case ("pause", CheckInStatuses.Active):
                schedule.Status = CheckInStatuses.Paused;
                break;
            case ("resume", CheckInStatuses.Paused):
                var zone = TimeZoneInfo.FindSystemTimeZoneById(await db.Lines.Where(l => l.Id == schedule.LineId).Select(l => l.TimeZone).SingleAsync(ct));
                schedule.Status = CheckInStatuses.Active;
                schedule.NextDueAt = CheckInSchedule.Next(schedule, zone, now);
                break;
            case ("stop", not (CheckInStatuses.Stopped or CheckInStatuses.Ended)):
                CheckInAnswers.Stop(schedule, now);
                break;
            default:
                return EnrolOutcome.Conflict;
        }
        schedule.UpdatedAt = now;
        schedule.Revision++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return EnrolOutcome.Conflict; }
        await audit.RecordAsync("lines.check-in-" + change, actorId, "line-check-in", id.ToString(), null, ct);
        return EnrolOutcome.Done;
    }

    private static string Describe(CheckIn c, string zone)
    {
        var at = $"{c.LocalMinutes / 60:00}:{c.LocalMinutes % 60:00} ({zone})";
        if (c.Kind == CheckInKinds.Caring) return $"{c.DueDates.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length} texts, {at}";
        return c.EveryDays is { } every ? $"every {every} days, {at}" : $"{c.Weekdays}, {at}";
    }
}
