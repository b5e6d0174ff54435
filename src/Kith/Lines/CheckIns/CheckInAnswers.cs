using System.Globalization;
using System.Text;
using Kith.Lines.CaringContacts;
using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.CheckIns;

/// <summary>What an inbound text meant to a member's schedules: the answer to send, and the conversation to keep the text in.</summary>
internal sealed record CheckInAnswer(string Reply, Conversation? Conversation, List<(Guid Id, string Kind, IReadOnlyList<string> Paged)> Alerted);

/// <summary>
/// An inbound text from a number with a schedule on the line (called by <see cref="ReceiveText"/>): YES confirms a
/// schedule awaiting it; while a check-in awaits its answer, the reply is read in the member's language — a score is
/// kept and thanked, and a low score, risk words, or words only a person can weigh open a queue item (risk words also
/// get the crisis numbers at once); PAUSE, RESUME and STOP CHECKINS change the check-ins. Anything else (and every
/// reply while the member is already in a conversation) is a message for a person: null, the ordinary path takes it.
/// </summary>
internal sealed class CheckInAnswers(KithDb db, CheckInQueue queue, CrisisText crisis, MemberTexts member, TimeProvider time)
{
    private static readonly HashSet<string> Yes = ["yes", "y", "si", "haa"];
    private static readonly HashSet<string> StopCheckIns = ["stopcheckins", "stopcheckin", "pararcheckins", "parar", "joojicheckins"];

    public async Task<CheckInAnswer?> AnswerAsync(LineSetup line, Conversation? open, string body, string hash, CancellationToken ct)
    {
        var schedules = await db.LineCheckIns.Where(c => c.LineId == line.Line.Id && c.SenderHash == hash
            && (c.Status == CheckInStatuses.AwaitingYes || c.Status == CheckInStatuses.Active || c.Status == CheckInStatuses.Paused)).ToListAsync(ct);
        if (schedules.Count == 0) return null;
        var now = time.GetUtcNow().UtcDateTime;
        var word = Letters(body);
        var zone = line.Hours.Zone;

        if (Yes.Contains(word) && schedules.Where(s => s.Status == CheckInStatuses.AwaitingYes).OrderBy(s => s.Kind == CheckInKinds.Caring).ToList() is { Count: > 0 } waiting)
        {
            foreach (var schedule in waiting) Confirm(schedule, line, zone, now);
            var first = waiting[0]; // check-ins first: their answer says how to pause
            return new(member.In(first.Language, first.Kind == CheckInKinds.Caring ? MemberTexts.CaringConfirmed : MemberTexts.Confirmed), open, []);
        }
        if (open is not null) return null; // already talking with a person: they read it there
        var checkIn = schedules.FirstOrDefault(s => s.Kind == CheckInKinds.CheckIn && s.Status != CheckInStatuses.AwaitingYes);
        if (checkIn is null) return null;

        var awaiting = await db.LineCheckInSends.Where(s => s.CheckInId == checkIn.Id && s.Kind == CheckInKinds.CheckIn && s.Status == "sent"
            && s.RepliedAt == null && !s.Silent).OrderByDescending(s => s.DueAt).FirstOrDefaultAsync(ct);
        var reading = CheckInReplies.Read(body, checkIn.Language);
        var stop = StopCheckIns.Contains(word);
        var resume = reading.Request == CheckInRequest.Resume && checkIn.Status == CheckInStatuses.Paused;
        if (!stop && reading.Request != CheckInRequest.Pause && !resume && awaiting is null) return null; // not for the check-ins: a message for the line
        checkIn.Revision++;
        checkIn.UpdatedAt = now;
        if (awaiting is not null) awaiting.RepliedAt = now;
        if (stop)
        {
            Stop(checkIn, now);
            return new(member.In(checkIn.Language, MemberTexts.Stopped), null, []);
        }
        if (reading.Request == CheckInRequest.Pause)
        {
            checkIn.Status = CheckInStatuses.Paused;
            return new(member.In(checkIn.Language, MemberTexts.Paused), null, []);
        }
        if (resume)
        {
            checkIn.Status = CheckInStatuses.Active;
            checkIn.NextDueAt = CheckInSchedule.Next(checkIn, zone, now);
            return new(member.In(checkIn.Language, MemberTexts.Resumed), null, []);
        }
        if (awaiting is null) return new(member.In(checkIn.Language, MemberTexts.Thanks), null, []); // RESUME while active

        awaiting.Score = reading.Score;
        checkIn.LastScore = reading.Score ?? checkIn.LastScore;
        checkIn.LastRepliedAt = now;
        if (!reading.NeedsAPerson) return new(member.In(checkIn.Language, MemberTexts.Thanks), null, []);

        // A low score is urgent at least: the member said they are doing badly, and the routine allowance is half an hour or more.
        var triage = LineTriage.Assess(body, checkIn.Language);
        if (reading.Score < CheckInReply.LowestWithoutFollowUp)
            triage = triage with { Tier = triage.Tier == ConversationTiers.Routine ? ConversationTiers.Urgent : triage.Tier, Rules = [.. triage.Rules, CheckInQueue.LowScore] };
        else if (triage.Rules.Count == 0) triage = triage with { Rules = [CheckInQueue.Unclear] };
        var (opened, alerted) = await queue.OpenAsync(checkIn, awaiting, triage, now, ct);
        var reply = member.In(checkIn.Language, MemberTexts.ThanksSomeoneWillText);
        if (reading.Risk is not null) reply += "\n\n" + crisis.In(checkIn.Language);
        return new(reply, opened, alerted);
    }

    /// <summary>The member's YES: check-ins start at their next due time; caring contacts get their dates from the line's schedule.</summary>
    private static void Confirm(CheckIn schedule, LineSetup line, TimeZoneInfo zone, DateTime now)
    {
        schedule.Status = CheckInStatuses.Active;
        schedule.ConfirmedAt = now;
        schedule.UpdatedAt = now;
        schedule.Revision++;
        if (schedule.Kind == CheckInKinds.Caring)
            schedule.DueDates = string.Join(' ', CaringSchedules.Read(line.Line.CaringSchedule).DueDates(CheckInSchedule.LocalDate(now, zone), null)
                .Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        schedule.NextDueAt = CheckInSchedule.Next(schedule, zone, now);
    }

    /// <summary>Stopped for good: the number is erased (a new enrolment asks again).</summary>
    public static void Stop(CheckIn schedule, DateTime now)
    {
        schedule.Status = CheckInStatuses.Stopped;
        schedule.Number = null;
        schedule.NextDueAt = null;
        schedule.UpdatedAt = now;
        schedule.Revision++;
    }

    /// <summary>
    /// STOP (the carrier's opt-out, from any line): check-ins keep their schedule and skip every due text while the
    /// number is opted out (START resumes them at their next due time, so their number stays); caring contacts end and
    /// their number is erased — they were offered once, after a crisis, and a STOP is the answer to them.
    /// </summary>
    public async Task OptedOutAsync(string hash, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var caring in await db.LineCheckIns.Where(c => c.SenderHash == hash && c.Kind == CheckInKinds.Caring
                     && c.Status != CheckInStatuses.Stopped && c.Status != CheckInStatuses.Ended).ToListAsync(ct))
            Stop(caring, now);
    }

    /// <summary>Letters only, lower case, no accents: "Sí!" → "si", "STOP CHECK-INS" → "stopcheckins".</summary>
    private static string Letters(string body)
    {
        var text = new StringBuilder();
        foreach (var c in body.Normalize(NormalizationForm.FormD))
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) text.Append(char.ToLowerInvariant(c));
        return text.ToString();
    }
}
