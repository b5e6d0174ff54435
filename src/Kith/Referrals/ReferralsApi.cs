using System.Security.Claims;
using Kith.Referrals.Reading;
using Kith.Referrals.Send;
using Kith.Referrals.Steps;

namespace Kith.Referrals;

internal sealed record SentReferral(Guid Id, string Reference);

/// <summary>
/// Referrals over HTTP for staff (responders and coordinators of the two organisations; administrators read). Problem
/// details for everything refused, naming the field at fault; what the person shared is returned only on the
/// referral itself, and that read is audited.
/// </summary>
internal static class ReferralsApi
{
    public static RouteGroupBuilder MapReferralsApi(this RouteGroupBuilder referrals)
    {
        referrals.MapPost("/", SendAsync).WithName("SendReferral")
            .WithSummary("Refers a person, with their consent, to a partner organisation's service; its intake team is paged.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        referrals.MapGet("/", ListAsync).WithName("ListReferrals")
            .WithSummary("Referrals your organisations received (side=received, the default) or sent (side=sent), newest first, without what was shared.");
        referrals.MapGet("/{id:guid}", ReadAsync).WithName("ReadReferral")
            .WithSummary("One referral: what the person agreed to share, its history, and the steps you may take (audited).");
        referrals.MapPost("/{id:guid}/status", StepAsync).WithName("StepReferral")
            .WithSummary("Moves a referral one step (accepted, rejected, in-progress, on-hold, completed, failed, cancelled, entered-in-error).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return referrals;
    }

    private static async Task<IResult> SendAsync(SendReferralRequest request, SendReferral send, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Responder) && !user.IsInRole(Roles.Coordinator))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Responders and coordinators refer people.");
        var result = await send.SendAsync(request, user, ct);
        if (result.Forbidden)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "You belong to no organisation to refer from.");
        return result.Id is { } id
            ? TypedResults.Created($"/api/referrals/{id}", new SentReferral(id, result.Reference!))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static async Task<IResult> ListAsync(string? side, ReferralReader reader, ClaimsPrincipal user, CancellationToken ct)
    {
        if (side is not (null or "received" or "sent"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["side"] = ["received or sent."] });
        return TypedResults.Ok(await reader.ListAsync(user, side ?? "received", ct));
    }

    private static async Task<IResult> ReadAsync(Guid id, ReferralReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        await reader.ReadAsync(id, user, ct) is { } view ? TypedResults.Ok(view) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static async Task<IResult> StepAsync(Guid id, StepReferralRequest request, StepReferral step, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await step.StepAsync(id, request, user, ct);
        return result.Status switch
        {
            StatusCodes.Status204NoContent => TypedResults.NoContent(),
            StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Field ?? ""] = [result.Message ?? "Invalid."] }),
            var status => TypedResults.Problem(statusCode: status, title: status switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status403Forbidden => "Not allowed",
                _ => "Conflict",
            }, detail: result.Message),
        };
    }
}
