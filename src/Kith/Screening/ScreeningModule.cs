using Kith.Screening.Campaigns;
using Kith.Screening.Instruments;
using Kith.Screening.SafetyPlans;

namespace Kith.Screening;

/// <summary>Validated instruments scored exactly, safety routing on critical answers, campaigns, FHIR, safety plans.</summary>
internal static class ScreeningModule
{
    public static WebApplicationBuilder AddScreening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Read and checked once: a definition that could score wrongly stops the app at start.
        services.AddSingleton(_ => InstrumentLibrary.Embedded());
        services.AddSingleton<Contracts.IQuestionnaires, Contracts.QuestionnairesFromLibrary>();
        services.AddScoped<Responses.RecordResponse>();
        services.AddScoped<Safety.SafetyFollowUp>();
        services.AddScoped<NextSteps.SuggestedNextSteps>();
        Fhir.FhirRegistration.AddFhir(services);
        builder.AddCampaigns();
        services.AddSafetyPlans();
        return builder;
    }

    public static WebApplication MapScreening(this WebApplication app)
    {
        Fhir.FhirRegistration.MapFhir(app);
        app.MapCampaigns();
        app.MapSafetyPlans();
        return app;
    }
}
