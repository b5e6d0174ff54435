using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Platform.Web;

/// <summary>
/// A problem the framework writes for a bare status (a body it could not read, an unknown address, a missing sign-in)
/// says only "Bad Request". These sentences say what to do instead; an endpoint's own detail or field errors win.
/// They name no parameter, type or record, so they disclose nothing an attacker could use.
/// </summary>
internal static class BareProblems
{
    public static void Explain(ProblemDetails problem, HttpContext http)
    {
        if (!string.IsNullOrEmpty(problem.Detail)) return;
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } || problem.Extensions.ContainsKey("errors")) return;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status400BadRequest =>
                "The request could not be read: a value in the address or the body is missing or not in the expected form. The API's shapes are described at /openapi/v1.json.",
            StatusCodes.Status401Unauthorized => "Sign in first: this needs a staff session.",
            StatusCodes.Status403Forbidden => "Your account may not do this.",
            // The same words whether the record is missing or not the caller's: an answer must not tell them apart.
            StatusCodes.Status404NotFound => "Nothing is at this address, or it is not yours to see.",
            StatusCodes.Status405MethodNotAllowed => $"This address does not accept {http.Request.Method} requests.",
            StatusCodes.Status409Conflict => "This conflicts with the record as it is now: read it again and retry.",
            StatusCodes.Status413PayloadTooLarge => "The request is too large.",
            StatusCodes.Status415UnsupportedMediaType => "This address does not accept that type of content; see /openapi/v1.json for what it takes.",
            StatusCodes.Status429TooManyRequests => "Too many requests: wait a moment and try again.",
            _ => null,
        };
    }
}
