using System.ComponentModel.DataAnnotations;
using Kith.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Concerns.FollowUp;

internal sealed record ReceiptRequest([property: Required(ErrorMessage = "Write your receipt.")] string? Receipt);
internal sealed record ReporterReplyRequest(
    [property: Required(ErrorMessage = "Write your receipt.")] string? Receipt,
    [property: Required(ErrorMessage = "Write a message first.")]
    [property: MaxLengthFromOptions(typeof(ConcernOptions), nameof(ConcernOptions.MaxTextLength), ErrorMessage = "That is too long. Please shorten what you wrote.")]
    string? Text);

/// <summary>
/// <c>POST /api/concerns/follow-up</c> and <c>…/messages</c>: the receipt travels in the body, never in a URL
/// (URLs end up in logs and histories). Wrong and purged receipts get the same answer.
/// </summary>
internal static class FollowUpEndpoints
{
    public static IEndpointRouteBuilder MapFollowUpApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/concerns/follow-up")
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(Platform.PlatformModule.PublicRateLimit)
            .WithTags("Concerns");
        group.MapPost("/", OpenAsync).WithName("ReadConcernWithReceipt")
            .WithSummary("The reporter reads where their concern stands and the replies, with their receipt.");
        group.MapPost("/messages", ReplyAsync).WithName("ReplyWithReceipt")
            .WithSummary("The reporter answers the team, with their receipt.");
        return app;
    }

    /// <summary>The connection's address, only as a key for the guessing brake in memory — never stored or logged.</summary>
    public static string ClientKey(HttpContext http) => Platform.Security.ClientAddress.Key(http);

    // A request missing its receipt or message is refused before any receipt is looked at: that says nothing about receipts.
    private static async Task<Results<Ok<ReporterView>, ValidationProblem, ProblemHttpResult>> OpenAsync(ReceiptRequest request, ReporterFollowUp followUp, HttpContext http, CancellationToken ct) =>
        RequestRules.Check(request, http.RequestServices) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors)
            : Respond(await followUp.OpenAsync(request.Receipt, ClientKey(http), ct));

    private static async Task<Results<Ok<ReporterView>, ValidationProblem, ProblemHttpResult>> ReplyAsync(ReporterReplyRequest request, ReporterFollowUp followUp, HttpContext http, CancellationToken ct) =>
        RequestRules.Check(request, http.RequestServices) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors)
            : Respond(await followUp.ReplyAsync(request.Receipt, request.Text, ClientKey(http), ct));

    private static Results<Ok<ReporterView>, ValidationProblem, ProblemHttpResult> Respond(FollowUpResult result) => result.Outcome switch
    {
        FollowUpOutcome.Opened => TypedResults.Ok(result.View!),
        FollowUpOutcome.TooManyAttempts => TypedResults.Problem(statusCode: 429, title: "Too many attempts",
            detail: "Too many receipts were tried. Wait a few minutes and try again."),
        FollowUpOutcome.Invalid => TypedResults.Problem(statusCode: 400, title: "The message could not be sent", detail: result.Error),
        // Wrong, malformed and purged receipts: one answer, so it says nothing about which receipts exist.
        _ => TypedResults.Problem(statusCode: 404, title: "Receipt not recognised",
            detail: "No concern opens with that receipt. Check it and try again."),
    };
}
