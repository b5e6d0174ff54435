using Microsoft.AspNetCore.Antiforgery;

namespace Kith.ServiceDirectory.Editing;

/// <summary>The small button forms on the directory pages (verify, capacity) post to endpoints; this is what they share.</summary>
internal static class FormPosts
{
    public const string ListPath = "/staff/directory/services";

    public static async Task<bool> IsGenuineAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Back to the directory page the form was on (a "return" field), with a note of what happened. Only the
    /// list and edit pages are accepted, so the field cannot send anyone elsewhere.
    /// </summary>
    public static string ReturnPath(HttpContext http, string id, string outcome)
    {
        var back = http.Request.HasFormContentType ? http.Request.Form["return"].ToString() : "";
        var path = back == "edit" ? $"{ListPath}/{Uri.EscapeDataString(id)}" : ListPath;
        return $"{path}?{outcome}={Uri.EscapeDataString(id)}#service-{Uri.EscapeDataString(id)}";
    }
}
