using Kith.Platform.Web.Once;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Concerns.Submit;

internal static class SubmitConcernEndpoint
{
    private const string IdempotencyHeader = IdempotencyKey.Header;
    private const int MaxKeyLength = IdempotencyKey.MaxLength;

    public static IEndpointRouteBuilder MapSubmitConcern(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/concerns", SubmitAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(Platform.PlatformModule.PublicRateLimit)
            .WithName("SubmitConcern")
            .WithTags("Concerns")
            .WithSummary("Report a concern about someone (or yourself). Anonymous unless contact details are given.")
            .WithDescription("Triage happens on the server; any tier or score in the body is ignored. The response carries the "
                + "receipt the reporter needs to read replies at /concerns/follow-up — it is shown once and stored only as a keyed hash — and "
                + "showCrisisOptions: when true, show the crisis lines (GET /api/crisis-lines) before anything else. "
                + "Send an Idempotency-Key to retry safely: the same key and body within 24 hours return the first receipt and file nothing new.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey("Optional: a unique value per concern, e.g. a UUID, "
                + $"1–{MaxKeyLength} printable ASCII characters, quoted or not. The same key with the same body within 24 hours "
                + "answers 201 with the first receipt and files no second concern; with another body 422; while the first "
                + "request is still being processed 409; a malformed key 400.");
        return app;
    }

    private static async Task<Results<Created<ConcernReceipt>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        ConcernSubmission submission, SubmitConcernOnce submit, CancellationToken ct,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey = null)
    {
        string? key = null;
        if (idempotencyKey is not null && (key = IdempotencyKey.Parse(idempotencyKey)) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Idempotency-Key header is not valid",
                detail: $"{IdempotencyHeader} must be 1 to {MaxKeyLength} printable ASCII characters (a UUID is a good choice).",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [IdempotencyHeader] = ["Use 1 to 255 printable ASCII characters."] } });

        var taken = await submit.SubmitAsync(submission, SubmissionChannel.Api, SubmitConcernOnce.Api, key, TimeSpan.Zero, ct);
        return taken switch
        {
            { Outcome: SentOnceOutcome.Busy } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "A request with this Idempotency-Key is still being processed",
                detail: "Wait for the first request to finish, then retry with the same key and body."),
            { Outcome: SentOnceOutcome.Different } => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This Idempotency-Key was used with a different body",
                detail: "Each concern needs its own key. Send a new key for a new concern."),
            { Receipt: { } receipt } => TypedResults.Created("/concerns/follow-up", receipt),
            // Taken before but no longer kept (cannot happen within a day: the answer is kept as long as the key).
            { Outcome: SentOnceOutcome.Done } => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This Idempotency-Key was already used", detail: "Send a new key for a new concern."),
            _ => TypedResults.ValidationProblem(taken.Errors, title: "The concern could not be accepted"),
        };
    }
}
