using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.ServiceDirectory.Editing.UpdateCapacity;

/// <summary>
/// <c>PUT /api/directory/services/{id}/capacity</c> for a shelter's own system or a phone, and the same as a
/// form post from the list page. JSON with the staff cookie needs no antiforgery token, like the other staff
/// APIs: a cross-site page cannot send a JSON PUT without a CORS preflight, which Kith never grants.
/// </summary>
internal static class CapacityApi
{
    public static IEndpointRouteBuilder MapCapacityApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/directory/services").RequireAuthorization(StaffPolicies.Coordinator).WithTags("Directory")
            .MapPut("/{id}/capacity", PutAsync).WithName("UpdateServiceCapacity")
            .WithSummary("Sets how much of a service is free now, e.g. beds (admins, or coordinators of the owning organisation).");
        app.MapPost("/staff/directory/services/{id}/capacity", PostFormAsync)
            .RequireAuthorization(StaffPolicies.Coordinator).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<CapacityResponse>, ValidationProblem, ProblemHttpResult, NotFound>> PutAsync(
        string id, CapacityRequest request, CapacityUpdate update, HttpContext http)
    {
        var result = await update.SaveAsync(id, request.Unit, CapacityUpdate.Text(request.Available), CapacityUpdate.Text(request.Maximum),
            request.Waitlist ?? false, http.User, http.RequestAborted);
        if (result.Access == Ownership.NotFound) return TypedResults.NotFound();
        if (result.Access == Ownership.Forbidden)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "Only an administrator or a coordinator of the organisation that runs this service can change it.");
        return result.Saved is { } saved ? TypedResults.Ok(saved) : TypedResults.ValidationProblem(result.Errors);
    }

    // Validated by hand: the global antiforgery check does not reject on its own for endpoints without form binding.
    private static async Task<IResult> PostFormAsync(string id, HttpContext http, IAntiforgery antiforgery, CapacityUpdate update)
    {
        if (!await FormPosts.IsGenuineAsync(http, antiforgery))
            return Results.Problem(statusCode: 400, title: "The form expired", detail: "Reload the page and try again.");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var result = await update.SaveAsync(id, form["unit"], form["available"], form["maximum"], form["waitlist"] == "true", http.User, http.RequestAborted);
        return result.Access switch
        {
            Ownership.NotFound => Results.NotFound(),
            Ownership.Forbidden => Results.LocalRedirect("/staff/denied"),
            _ => Results.LocalRedirect(FormPosts.ReturnPath(http, id, result.Saved is null ? "capacity-invalid" : "capacity-saved")),
        };
    }
}
