using System.ComponentModel.DataAnnotations;
using Kith.Platform.Api;

namespace Kith.Groups.Buddies;

/// <summary>The code has no check of its own: a wrong one, or a place not under it, gets the one 404 (as leaving does).</summary>
internal sealed record BuddyRequest(
    string? Code,
    [property: Required(ErrorMessage = "Say which group.")] string? EnrolmentId,
    bool ShareContact = false);

/// <summary>A member's buddy in one of their groups, with the private code: asking for one, and stopping.</summary>
internal static class BuddiesApi
{
    public static IEndpointRouteBuilder MapBuddiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/groups/mine/buddy").AllowAnonymous().DisableAntiforgery().WithTags("Groups")
            .RequireRateLimiting(GroupsModule.CodeRateLimit);
        api.MapPost("/", AskAsync).WithName("AskForBuddy")
            .WithSummary("Asks for a buddy in a group where the code has a place; paired at once if someone else waits (oldest first). "
                + "shareContact lets the buddy see the contact given at joining, shown only if the buddy shares theirs too.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/stop", StopAsync).WithName("StopBuddy")
            .WithSummary("Stops having or waiting for a buddy in a group; the buddy is told and paired with the next who asks.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Task<IResult> AskAsync(BuddyRequest request, BuddyPairs buddies, IServiceProvider services, CancellationToken ct) =>
        AnswerAsync(request, services, (code, enrolment) => buddies.AskAsync(code, enrolment, request.ShareContact, ct));

    private static Task<IResult> StopAsync(BuddyRequest request, BuddyPairs buddies, IServiceProvider services, CancellationToken ct) =>
        AnswerAsync(request, services, (code, enrolment) => buddies.StopAsync(code, enrolment, ct));

    private static async Task<IResult> AnswerAsync(BuddyRequest request, IServiceProvider services, Func<string, Guid, Task<int>> change)
    {
        if (RequestRules.Check(request, services) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return request.Code is { } code && Guid.TryParse(request.EnrolmentId, out var enrolment) && await change(code, enrolment) == StatusCodes.Status204NoContent
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No groups match this code. Check it and try again.");
    }
}
