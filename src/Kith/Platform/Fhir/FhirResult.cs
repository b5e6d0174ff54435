using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Kith.Platform.Fhir;

/// <summary>A FHIR resource answered as <c>application/fhir+json</c>, with its status and (for a created record) a Location.</summary>
internal sealed class FhirResult(Resource resource, int status = StatusCodes.Status200OK, string? location = null)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string MediaType = "application/fhir+json";

    /// <summary>The Firely SDK's serialiser (elements in the specification's order, choice types named as FHIR names them).</summary>
    internal static readonly JsonSerializerOptions Json = new JsonSerializerOptions
    {
        // Spanish and Somali text stays readable; characters that matter in HTML are still escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    }.ForFhir(ModelInfo.ModelInspector);

    public Resource Resource => resource;
    public int? StatusCode => status;
    public string ContentType => MediaType + "; charset=utf-8";

    public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = ContentType;
        if (location is not null) httpContext.Response.Headers.Location = location;
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, resource, Json, httpContext.RequestAborted);
    }
}
