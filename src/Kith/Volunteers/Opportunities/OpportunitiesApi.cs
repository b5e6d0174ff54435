using System.Security.Claims;
using Kith.Volunteers.Manage;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Volunteers.Opportunities;

/// <summary>Volunteer opportunities over HTTP: anyone lists them and signs up (no account); coordinators write and close them.</summary>
internal static class OpportunitiesApi
{
    public static WebApplication MapOpportunitiesApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/public/volunteer-opportunities").AllowAnonymous().WithTags("Volunteers");
        open.MapGet("/", async (SignUps signUps, CancellationToken ct) => TypedResults.Ok(await signUps.OpenAsync(ct)))
            .WithName("ListVolunteerOpportunities").WithSummary("Ways to help that organisations offer now.");
        open.MapPost("/{id:guid}/sign-up", async (Guid id, SignUpRequest request, [FromHeader(Name = "Idempotency-Key")] string? key, SignUps signUps, CancellationToken ct) =>
                Result(await signUps.SignUpAsync(id, request with { Submission = request.Submission ?? key }, ct)))
            .RequireRateLimiting(VolunteersModule.CodeRateLimit)
            .Produces(StatusCodes.Status201Created)
            .WithName("SignUpToVolunteer")
            .WithSummary("Signs up with a first name and a way to be reached; the answer carries a private code. The same Idempotency-Key sent again gets the same answer and signs nobody up twice.")
            .ProducesValidationProblem();

        var manage = app.MapGroup("/api/volunteers/opportunities").RequireAuthorization(StaffPolicies.Coordinator).WithTags("Volunteers");
        manage.MapGet("/", async (SignUps signUps, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await signUps.OfStaffAsync(user, ct)))
            .WithName("ListOwnOpportunities").WithSummary("Your organisations' opportunities, open and closed.");
        manage.MapPost("/", async (OpportunityRequest request, SignUps signUps, ClaimsPrincipal user, CancellationToken ct) => Saved(await signUps.SaveAsync(null, request, user, ct)))
            .WithName("CreateOpportunity").WithSummary("Offers a way to help on the public volunteer page.").ProducesValidationProblem();
        manage.MapPut("/{id:guid}", async (Guid id, OpportunityRequest request, SignUps signUps, ClaimsPrincipal user, CancellationToken ct) => Saved(await signUps.SaveAsync(id, request, user, ct)))
            .WithName("UpdateOpportunity").WithSummary("Changes or closes an opportunity.").ProducesValidationProblem();
        return app;
    }

    private static IResult Result(SignUpResult result) => result.Status switch
    {
        StatusCodes.Status201Created => TypedResults.Created((string?)null, new { code = result.Code }),
        StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(result.Errors!),
        var status => TypedResults.Problem(statusCode: status, title: status == 404 ? "Not found" : "Conflict", detail: result.Message),
    };

    private static IResult Saved(VolunteerResult result) => result.Status switch
    {
        StatusCodes.Status201Created => TypedResults.Created($"/api/volunteers/opportunities/{result.Id}", new { id = result.Id }),
        StatusCodes.Status200OK => TypedResults.Ok(new { id = result.Id }),
        StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(result.Errors!),
        var status => TypedResults.Problem(statusCode: status, title: "Not found", detail: result.Message),
    };
}
