using Kith.Concerns.CaseWork;
using Kith.Concerns.Domain;
using Kith.Concerns.Receipts;
using Kith.Concerns.Routing;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Safety;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Concerns.FollowUp;

internal enum FollowUpOutcome { Opened, WrongReceipt, TooManyAttempts, Invalid }

/// <summary>A message as the reporter sees it: who wrote it (them or the team, never a name), when, what.</summary>
internal sealed record ReporterMessage(DateTime At, bool FromReporter, bool IsQuestion, string Body);

/// <summary>The reporter's view of their concern: where it stands and the conversation, nothing internal.</summary>
/// <remarks>Only the day it was sent (deployment time zone): an anonymous concern keeps no exact time. After a message
/// that reads as risk, <see cref="ShowCrisisOptions"/> is true and <see cref="CrisisLines"/> lists the lines to use now.</remarks>
internal sealed record ReporterView(DateOnly SubmittedOn, string Stage, bool Closed, IReadOnlyList<ReporterMessage> Messages,
    [property: System.ComponentModel.Description("True after a reporter's message that reads as a risk to someone's life or safety now: "
        + "show the crisis lines (crisisLines) at once, before the conversation.")]
    bool ShowCrisisOptions = false,
    [property: System.ComponentModel.Description("The crisis lines to use now, for the concern's area and in the reader's language, general lines first; "
        + "null unless showCrisisOptions is true.")]
    IReadOnlyList<CrisisRoute>? CrisisLines = null);

/// <param name="AreaId">The concern's area, for the crisis lines of the place (never sent to the reporter).</param>
internal sealed record FollowUpResult(FollowUpOutcome Outcome, ReporterView? View = null, string? Error = null, Guid? AreaId = null);

/// <summary>
/// What a reporter can do with their receipt: read replies and answer. A wrong receipt and a purged one
/// look the same; only wrong receipts count towards the guessing brake. Every answer is read for risk
/// (see ReporterFollowUp.Risk.cs).
/// </summary>
internal sealed partial class ReporterFollowUp(
    KithDb db, ReceiptCode receipts, ReceiptGuard guard, StatusChanges statuses, IPaging paging, CrisisRoutes crisis,
    AuditLog audit, IOptions<ConcernOptions> options, TimeProvider time, Platform.Time.DeploymentCalendar calendar,
    ILogger<ReporterFollowUp> log)
{
    public async Task<FollowUpResult> OpenAsync(string? typed, string client, CancellationToken ct)
    {
        var (concern, failure) = await FindAsync(typed, client, tracked: false, ct);
        if (concern is null) return failure!;
        await audit.RecordAsync("concern.read", "reporter", "concern", concern.Id.ToString(), new { via = "receipt" }, ct);
        return new(FollowUpOutcome.Opened, await ViewAsync(concern, ct));
    }

    public async Task<FollowUpResult> ReplyAsync(string? typed, string? text, string client, CancellationToken ct)
    {
        var body = text?.Trim();
        if (string.IsNullOrEmpty(body)) return new(FollowUpOutcome.Invalid, Error: "Write a message first.");
        if (body.Length > options.Value.MaxTextLength) return new(FollowUpOutcome.Invalid, Error: "That is too long. Please shorten what you wrote.");
        for (var attempt = 1; ; attempt++)
        {
            var (concern, failure) = await FindAsync(typed, client, tracked: true, ct);
            if (concern is null) return failure!;
            try
            {
                return await AddReplyAsync(concern, body, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // a responder changed the concern at this moment: read it again and add the reply to that
            }
        }
    }

    private async Task<FollowUpResult> AddReplyAsync(Concern concern, string body, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // One transaction: a raise retires the old deadlines and schedules new ones, which must commit with the tier.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var message = new ConcernMessage { Id = Guid.CreateVersion7(now), ConcernId = concern.Id, At = now, Kind = MessageKinds.Reporter, Body = body };
        db.ConcernMessages.Add(message);
        concern.LastReporterActivityAt = now;
        concern.UnreadSince ??= now; // unread for the team until one of them opens the case
        concern.UpdatedAt = now;
        concern.Revision++;
        var table = await statuses.TableAsync(ct);
        var risk = Assess(concern, body);
        // An answer ends the wait, and a reporter writing after closing brings the concern back to a person.
        var reopened = table.KindOf(concern.Status) == StatusKinds.Closed;
        if (table.KindOf(concern.Status) is StatusKinds.Waiting or StatusKinds.Closed
            && table.FirstReachable(concern.Status, StatusKinds.Open) is { } open)
            statuses.Move(table, concern, open, null, "The reporter wrote back", now);
        else if (reopened && risk.Worrying)
            // Risk must reach a person even where the status table allows no way back from closed.
            statuses.Move(table, concern, table.FirstOpen ?? CaseStatuses.StatusTableRules.StartCode, null, "The reporter wrote back", now, anyway: true);
        reopened &= table.KindOf(concern.Status) != StatusKinds.Closed;
        if (reopened) concern.Outcome = null;
        var replies = await db.ConcernMessages.CountAsync(m => m.ConcernId == concern.Id && m.Kind == MessageKinds.Reporter, ct);
        var (kind, pagees) = risk.Raised || (reopened && risk.Worrying)
            ? (AlertKinds.RaisedByReporter, await RestartAsync(concern, risk, message.Id, now, ct))
            : (AlertKinds.ReporterReplied, concern.AssignedTo is { } assignee ? [new Pagee(assignee, true, false)] : await paging.ChainAsync(concern.TeamId, 0, now, ct));
        var paged = await paging.PageAsync(ConcernSubjects.Of(concern), kind, replies + 1, pagees, ConcernSubjects.Wording(concern, kind), now, ct);
        await db.SaveChangesAsync(ct);
        if (kind == AlertKinds.RaisedByReporter)
            await audit.RecordAsync("concern.raised-by-reporter", "reporter", "concern", concern.Id.ToString(),
                new { tier = concern.Tier, rules = risk.Rules, reopened }, ct);
        await transaction.CommitAsync(ct);
        if (kind == AlertKinds.RaisedByReporter)
            log.LogInformation("Concern {ConcernId} is {Tier} after the reporter's message; its acknowledgement was restarted", concern.Id, concern.Tier);
        await paging.NudgeAsync(ConcernSubjects.Kind, concern.Id, kind, paged, ct);
        var view = await ViewAsync(concern, ct);
        if (!risk.Worrying) return new(FollowUpOutcome.Opened, view);
        var lines = await crisis.ForAsync(concern.AreaId, risk.Language, System.Globalization.CultureInfo.CurrentUICulture, ct);
        return new(FollowUpOutcome.Opened, view with { ShowCrisisOptions = true, CrisisLines = lines }, AreaId: concern.AreaId);
    }

    private async Task<(Concern? Concern, FollowUpResult? Failure)> FindAsync(string? typed, string client, bool tracked, CancellationToken ct)
    {
        var normalized = ReceiptCode.Normalize(typed);
        // Hash even a malformed receipt, so a wrong one costs the same time as a right one.
        var hash = receipts.Hash(normalized ?? "-");
        int? bucket = normalized is null ? null : ReceiptGuard.BucketOf(hash);
        if (await guard.IsBlockedAsync(db, client, bucket, ct)) return (null, new(FollowUpOutcome.TooManyAttempts));
        var query = tracked ? db.Concerns : db.Concerns.AsNoTracking();
        var concern = normalized is null ? null : await query.SingleOrDefaultAsync(c => c.ReceiptHash == hash, ct);
        if (concern?.ReceiptHash is { } stored && ReceiptCode.SameHash(stored, hash)) return (concern, null);
        await guard.RecordFailureAsync(db, client, bucket, ct);
        return (null, new(FollowUpOutcome.WrongReceipt));
    }

    private async Task<ReporterView> ViewAsync(Concern concern, CancellationToken ct)
    {
        var table = await statuses.TableAsync(ct);
        var messages = await db.ConcernMessages.AsNoTracking()
            .Where(m => m.ConcernId == concern.Id && m.Kind != MessageKinds.Note)
            .OrderBy(m => m.At)
            .Select(m => new { m.At, m.Kind, m.Body })
            .ToListAsync(ct);
        var kind = table.KindOf(concern.Status);
        var stage = kind switch
        {
            StatusKinds.New => "Received. A person will look at it soon.",
            StatusKinds.Waiting => "The team has asked you a question.",
            StatusKinds.Closed => "Closed. You can still write if something has changed.",
            _ => "A person is looking into it.",
        };
        return new(DateOnly.FromDateTime(calendar.ToLocal(concern.SubmittedAt)), stage, kind == StatusKinds.Closed,
            messages.Select(m => new ReporterMessage(m.At, m.Kind == MessageKinds.Reporter, m.Kind == MessageKinds.Question, m.Body)).ToList());
    }
}
