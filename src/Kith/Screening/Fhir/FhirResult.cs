using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kith.Screening.Fhir;

/// <summary>A FHIR resource answered as <c>application/fhir+json</c>, with its status and (for a created record) a Location.</summary>
internal sealed class FhirResult(JsonObject resource, int status = StatusCodes.Status200OK, string? location = null)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Spanish and Somali text stays readable; characters that matter in HTML are still escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public JsonObject Resource => resource;
    public int? StatusCode => status;
    public string ContentType => FhirCodes.MediaType + "; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = ContentType;
        if (location is not null) httpContext.Response.Headers.Location = location;
        await httpContext.Response.WriteAsync(resource.ToJsonString(Options), httpContext.RequestAborted);
    }
}
