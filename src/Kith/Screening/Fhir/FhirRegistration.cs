using Kith.Community.Contracts;
using Kith.Platform.Web;

namespace Kith.Screening.Fhir;

/// <summary>FHIR R4 for screening, and the staff pages for identified responses that it shares its reads with.</summary>
internal static class FhirRegistration
{
    /// <summary>Staff navigation for identified responses (English texts are also the translation keys).</summary>
    internal static readonly NavigationEntry[] Navigation =
    [
        new("Screening", "Record a screening for a named person and read identified responses.", "/staff/screening/responses", [Roles.Responder, Roles.Admin], 20),
    ];

    public static IServiceCollection AddFhir(this IServiceCollection services)
    {
        services.AddScoped<Identified.ScreeningAccess>();
        services.AddScoped<Identified.IdentifiedResponses>();
        services.AddScoped<Identified.RecordingTeam>();
        services.AddStaffNavigation(Navigation);
        return services;
    }

    public static WebApplication MapFhir(this WebApplication app)
    {
        app.MapFhirEndpoints();
        return app;
    }
}
