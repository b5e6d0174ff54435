using System.Security.Claims;
using Kith.Concerns.Domain;

namespace Kith.Concerns.CaseWork;

/// <summary>What responders add to a concern: notes for the team, words for the reporter, what was done.</summary>
internal sealed partial class CaseActions
{
    /// <summary>An internal note: the team sees it, the reporter never does.</summary>
    public Task<CaseResult> AddNoteAsync(ClaimsPrincipal user, Guid id, TextRequest request, CancellationToken ct) =>
        AddMessageAsync(user, id, MessageKinds.Note, request.Text, "concern.note-added", ct);

    /// <summary>A reply the reporter reads with their receipt.</summary>
    public Task<CaseResult> ReplyAsync(ClaimsPrincipal user, Guid id, TextRequest request, CancellationToken ct) =>
        AddMessageAsync(user, id, MessageKinds.Message, request.Text, "concern.replied", ct);

    /// <summary>A question for the reporter; the concern waits for the answer where the status table allows it.</summary>
    public Task<CaseResult> AskAsync(ClaimsPrincipal user, Guid id, TextRequest request, CancellationToken ct) =>
        AddMessageAsync(user, id, MessageKinds.Question, request.Text, "concern.question-asked", ct);

    public Task<CaseResult> RecordInterventionAsync(ClaimsPrincipal user, Guid id, InterventionRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, null, "concern.intervention-recorded", change =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!InterventionTypes.IsKnown(request.Type)) errors["type"] = ["Choose what was done."];
            if (request.OccurredOn is not { } day) errors["occurredOn"] = ["Give the date it happened."];
            else if (day > calendar.Today) errors["occurredOn"] = ["The date cannot be in the future."];
            var notes = request.Notes?.Trim();
            if (notes?.Length > MaxText) errors["notes"] = ["That is too long. Please shorten what you wrote."];
            if (errors.Count > 0) return Task.FromResult<CaseResult?>(CaseResult.Invalid(errors));
            var intervention = new Intervention
            {
                Id = Guid.CreateVersion7(change.Now), ConcernId = change.Concern.Id, Type = request.Type!, OccurredOn = request.OccurredOn!.Value,
                ById = change.ActorId, RecordedAt = change.Now, Notes = string.IsNullOrEmpty(notes) ? null : notes,
            };
            db.Interventions.Add(intervention);
            change.Detail = new { intervention = intervention.Id, type = intervention.Type };
            return Done;
        }, ct);

    private Task<CaseResult> AddMessageAsync(ClaimsPrincipal user, Guid id, string kind, string? text, string action, CancellationToken ct) =>
        ChangeAsync(user, id, null, action, change =>
        {
            var body = text?.Trim();
            if (string.IsNullOrEmpty(body)) return Task.FromResult<CaseResult?>(CaseResult.Invalid(new() { ["text"] = ["Write something first."] }));
            if (body.Length > MaxText) return Task.FromResult<CaseResult?>(CaseResult.Invalid(new() { ["text"] = ["That is too long. Please shorten what you wrote."] }));
            var message = new ConcernMessage
            {
                Id = Guid.CreateVersion7(change.Now), ConcernId = change.Concern.Id, At = change.Now, Kind = kind, AuthorId = change.ActorId, Body = body,
            };
            db.ConcernMessages.Add(message);
            var table = change.Table;
            if (kind == MessageKinds.Question && table.KindOf(change.Concern.Status) != StatusKinds.Waiting
                && table.FirstReachable(change.Concern.Status, StatusKinds.Waiting) is { } waiting)
                statuses.Move(table, change.Concern, waiting, change.ActorId, "Asked the reporter a question", change.Now);
            change.Detail = new { message = message.Id, status = change.Concern.Status };
            return Done;
        }, ct);
}
