using System.Security.Claims;
using Kith.Community.Domain;
using Kith.Platform.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Kith.Community.SignIn;

internal static class StaffSession
{
    public static IEndpointRouteBuilder MapStaffSession(this IEndpointRouteBuilder app)
    {
        app.MapPost("/staff/sign-out", SignOut).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    // Validated by hand: the global antiforgery check does not reject on its own for endpoints without form binding.
    private static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn, AuditLog audit)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(statusCode: 400, title: "The form expired", detail: "Reload the page and try again.");
        }
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        await signIn.SignOutAsync();
        if (id is not null) await audit.RecordAsync("staff.signed-out", id, "staff", id);
        return Results.LocalRedirect("/staff/sign-in");
    }

    /// <summary>After an admin reset, the temporary password only opens the change-password page.</summary>
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            if (http.User.HasClaim(StaffClaims.MustChangePassword, "true")
                && (path.StartsWithSegments("/staff") || path.StartsWithSegments("/api"))
                && !path.StartsWithSegments("/staff/change-password") && !path.StartsWithSegments("/staff/sign-out")
                && !path.StartsWithSegments("/staff/sign-in"))
            {
                if (path.StartsWithSegments("/api"))
                {
                    http.Response.StatusCode = 403;
                    await Results.Problem(statusCode: 403, title: "Password change required",
                        detail: "Sign in on the web and choose a new password first.").ExecuteAsync(http);
                    return;
                }
                http.Response.Redirect("/staff/change-password");
                return;
            }
            await next(http);
        });
}
