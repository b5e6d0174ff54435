using System.ComponentModel.DataAnnotations;
using Kith.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Concerns.FollowUp;

// No check of its own on the receipt: a missing, malformed, wrong or purged one gets the one 404 (ADR 8, 16).
internal sealed record ReceiptRequest(string? Receipt);
/// <summary>The text's rules are checked by <see cref="ReporterFollowUp"/> after the receipt, from the same option.</summary>
internal sealed record ReporterReplyRequest(
    string? Receipt,
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
            .WithSummary("The reporter answers the team, with their receipt.")
            .WithDescription("The message is triaged like the concern itself: when it reads as a risk now, the response has "
                + "showCrisisOptions true and crisisLines to show the reporter at once, and the team's case is raised and marked unread.");
        return app;
    }

    /// <summary>The connection's address, only as a key for the guessing brake in memory — never stored or logged.</summary>
    public static string ClientKey(HttpContext http) => Platform.Security.ClientAddress.Key(http);

    private static async Task<Results<Ok<ReporterView>, ValidationProblem, ProblemHttpResult>> OpenAsync(ReceiptRequest request, ReporterFollowUp followUp, HttpContext http, CancellationToken ct) =>
        Respond(await followUp.OpenAsync(request.Receipt, ClientKey(http), ct));

    private static async Task<Results<Ok<ReporterView>, ValidationProblem, ProblemHttpResult>> ReplyAsync(ReporterReplyRequest request, ReporterFollowUp followUp, HttpContext http, CancellationToken ct) =>
        Respond(await followUp.ReplyAsync(request.Receipt, request.Text, ClientKey(http), ct));

    private static Results<Ok<ReporterView>, ValidationProblem, ProblemHttpResult> Respond(FollowUpResult result) => result.Outcome switch
    {
        FollowUpOutcome.Opened => TypedResults.Ok(result.View!),
        FollowUpOutcome.TooManyAttempts => TypedResults.Problem(statusCode: 429, title: "Too many attempts",
            detail: "Too many receipts were tried. Wait a few minutes and try again."),
        // Only the message can be invalid once the receipt opened: name it, as every 400 of the API does.
        FollowUpOutcome.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [result.Error!] },
            detail: result.Error, title: "The message could not be sent"),
        // Wrong, malformed and purged receipts: one answer, so it says nothing about which receipts exist.
        _ => TypedResults.Problem(statusCode: 404, title: "Receipt not recognised",
            detail: "No concern opens with that receipt. Check it and try again."),
    };
}
