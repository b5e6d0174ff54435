namespace Kith.Platform.Fhir;

/// <summary>
/// The base of every FHIR canonical url Kith mints (<c>Kith:Fhir:CanonicalBase</c>): Questionnaire urls and the
/// code systems of answers, bands and findings. A canonical is an identity, so it comes from configuration and
/// never from the request — behind another proxy, port or a forged Host header the same questionnaire keeps one name.
/// </summary>
internal sealed record CanonicalBase(string Url)
{
    public const string Setting = "Kith:Fhir:CanonicalBase";
    /// <summary>Stable but not resolvable: a deployment sets its own public FHIR base (README, configuration).</summary>
    public const string Default = "https://kith.example/fhir";

    public static CanonicalBase From(IConfiguration configuration) =>
        Problem(configuration) is { } problem ? throw new InvalidOperationException(problem) : new(Normalised(configuration));

    /// <summary>Why the configured base cannot name resources, or null when it can (checked before the app starts).</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var value = Normalised(configuration);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0 && !value.Contains(' ')
            ? null
            : $"{Setting} '{value}' is not an absolute http(s) url without query or fragment (e.g. {Default}).";
    }

    private static string Normalised(IConfiguration configuration) =>
        (configuration[Setting] is { Length: > 0 } configured ? configured.Trim() : Default).TrimEnd('/');
}
