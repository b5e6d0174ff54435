using System.Security.Claims;
using Kith.Lines.Routing;

namespace Kith.Lines.Switchboard;

/// <summary>The switchboard over HTTP: the redirects in force, starting one for a line (its supervisors), and ending one by hand.</summary>
internal static class SwitchboardApi
{
    public static RouteGroupBuilder MapSwitchboardApi(this RouteGroupBuilder lines)
    {
        lines.MapGet("/switchboard", ActiveAsync).WithName("ListSwitchboard").WithSummary("The lines whose queue is redirected now, where to, why and until when.");
        lines.MapPost("/{id:guid}/switchboard", StartAsync).WithName("RedirectLineQueue")
            .WithSummary("Sends a line's waiting queue, and new texts to it, to another line for some minutes, with the reason.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        lines.MapPost("/switchboard/{id:guid}/end", EndAsync).WithName("EndLineRedirect").WithSummary("Ends a redirect before its time.");
        return lines;
    }

    private static async Task<IResult> ActiveAsync(Switchboard switchboard, CancellationToken ct) => TypedResults.Ok(await switchboard.ActiveAsync(ct));

    private static async Task<IResult> StartAsync(Guid id, SwitchRequest request, Switchboard switchboard, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await switchboard.StartAsync(id, request, user, ct));

    private static async Task<IResult> EndAsync(Guid id, Switchboard switchboard, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await switchboard.EndAsync(id, user, ct));

    private static IResult Answer(SwitchResult result) =>
        result.Status == StatusCodes.Status200OK ? TypedResults.Ok(new { id = result.Id }) : LineProblem.Of(result.Status, result.Field, result.Message);
}
