namespace Kith.Platform.Web;

/// <summary>
/// Request bodies are capped by the server (Kith:MaxRequestBodyBytes, 4 MiB). An endpoint that needs more
/// says so with <c>[RequestSizeLimit]</c> metadata, which routing applies before the body is read
/// (checked by RequestSizeLimitTests); none may exceed <see cref="LargestUpload"/>.
/// </summary>
internal static class RequestSizeLimits
{
    /// <summary>The largest body any endpoint accepts (area imports). Form limits are set to it too.</summary>
    public const long LargestUpload = 20 * 1024 * 1024;
}
