using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Concerns.Submit;

internal static class SubmitConcernEndpoint
{
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
                + "receipt the reporter needs to read replies at /concerns/follow-up — it is shown once and stored only as a keyed hash.");
        return app;
    }

    private static async Task<Results<Created<ConcernReceipt>, ValidationProblem>> SubmitAsync(
        ConcernSubmission submission, SubmitConcern submit, CancellationToken ct)
    {
        var (receipt, errors) = await submit.SubmitAsync(submission, SubmissionChannel.Api, filedBy: null, ct);
        return receipt is null
            ? TypedResults.ValidationProblem(errors, title: "The concern could not be accepted")
            : TypedResults.Created("/concerns/follow-up", receipt);
    }
}
