using Microsoft.AspNetCore.Antiforgery;

namespace Kith.ServiceDirectory.Editing.VerifyService;

/// <summary>
/// <c>POST /staff/directory/services/{id}/verify</c>: the "Mark as verified" button on the list and edit pages.
/// A plain form post (works without JavaScript), antiforgery checked, then back to the page it came from.
/// </summary>
internal static class VerifyEndpoint
{
    public static IEndpointRouteBuilder MapVerifyService(this IEndpointRouteBuilder app)
    {
        app.MapPost("/staff/directory/services/{id}/verify", VerifyAsync)
            .RequireAuthorization(StaffPolicies.Coordinator).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    // Validated by hand: the global antiforgery check does not reject on its own for endpoints without form binding.
    private static async Task<IResult> VerifyAsync(string id, HttpContext http, IAntiforgery antiforgery, ServiceVerification verification)
    {
        if (!await FormPosts.IsGenuineAsync(http, antiforgery))
            return Results.Problem(statusCode: 400, title: "The form expired", detail: "Reload the page and try again.");
        return await verification.VerifyAsync(id, http.User, http.RequestAborted) switch
        {
            Ownership.NotFound => Results.NotFound(),
            Ownership.Forbidden => Results.LocalRedirect("/staff/denied"),
            _ => Results.LocalRedirect(FormPosts.ReturnPath(http, id, "verified")),
        };
    }
}
