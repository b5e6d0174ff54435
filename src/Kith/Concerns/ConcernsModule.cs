using Kith.Concerns.CaseWork;
using Kith.Concerns.Escalation;
using Kith.Concerns.FollowUp;
using Kith.Concerns.Receipts;
using Kith.Concerns.Retention;
using Kith.Concerns.Routing;
using Kith.Concerns.Submit;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Kith.Platform.Security;

namespace Kith.Concerns;

/// <summary>"I'm worried about someone": anonymous reports, receipts, triage, routing with escalation, case work.</summary>
internal static class ConcernsModule
{
    public static WebApplicationBuilder AddConcerns(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ConcernOptions>(builder.Configuration.GetSection("Kith:Concerns"));
        // The receipt key lives in the key ring, outside the database (a stolen database cannot test receipts).
        services.AddSingleton(sp => new ReceiptCode(sp.GetRequiredService<KeyRing>().Secret("concern-receipts")));

        services.AddScoped<TeamRouter>();
        services.AddScoped<EscalationChain>();
        services.AddScoped<Pager>();
        services.AddScoped<AcknowledgeDeadlines>();
        services.AddScoped<SubmitConcern>();
        services.AddSingleton<ReceiptGuard>();
        services.AddScoped<StatusChanges>();
        services.AddScoped<ReporterFollowUp>();
        services.AddScoped<IOutboxHandler, AcknowledgeDeadlineHandler>();
        services.AddScoped<IRecurringJob, AutomaticTransitions>();
        services.AddScoped<IRecurringJob, PurgeClosedAnonymous>();
        services.AddScoped<Contracts.IConcernFacts, Contracts.ConcernFactsFromDatabase>();
        return builder;
    }

    public static WebApplication MapConcerns(this WebApplication app)
    {
        app.MapSubmitConcern();
        app.MapFollowUpApi();
        return app;
    }
}
