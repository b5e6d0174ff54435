namespace Kith.Platform.Web;

/// <summary>
/// Keeps a page out of every cache (shared, private, the back button). The value is the one antiforgery itself
/// sets on a page with a form: a page that first set another ("no-store" alone) made antiforgery override it and
/// log a warning on every view, so every page that must not be kept uses this, before its form renders.
/// </summary>
internal static class NoStore
{
    public const string CacheControl = "no-cache, no-store";

    public static void Apply(HttpResponse response)
    {
        response.Headers.CacheControl = CacheControl;
        response.Headers.Pragma = "no-cache";
    }
}
