using Kith.Concerns.CaseStatuses;
using Kith.Concerns.CaseWork;
using Kith.Concerns.FollowUp;
using Kith.Concerns.Receipts;
using Kith.Concerns.Retention;
using Kith.Concerns.Routing;
using Kith.Concerns.RoutingRules;
using Kith.Concerns.Submit;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Kith.Platform.Security;
using Kith.Platform.Web;

namespace Kith.Concerns;

/// <summary>"I'm worried about someone": anonymous reports, receipts, triage, routing with escalation, case work.</summary>
internal static class ConcernsModule
{
    /// <summary>This module's staff navigation (English texts are also the translation keys, shown on the queue page).</summary>
    internal static readonly NavigationEntry[] Navigation =
    [
        new("Concerns", "Reports that someone may need help: acknowledge, follow up, close.", "/staff/concerns", [Roles.Responder, Roles.Admin], 10),
        new("Concern routing", "Teams, on-call rotas, routing rules and case statuses for concerns.", "/staff/admin/concerns", [Roles.Admin], 85),
    ];

    public static WebApplicationBuilder AddConcerns(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStaffNavigation(Navigation);
        services.Configure<ConcernOptions>(builder.Configuration.GetSection("Kith:Concerns"));
        // The receipt key lives in the key ring, outside the database (a stolen database cannot test receipts).
        services.AddSecret("concern-receipts", key => new ReceiptCode(key));

        services.AddScoped<TeamRouter>();
        // Concerns are Responders' first subjects: its deadline checks ask this whether a concern still waits.
        services.AddScoped<Kith.Responders.Contracts.ISubjectEscalation, ConcernEscalation>();
        services.AddScoped<SubmitConcern>();
        services.AddScoped<SubmitConcernOnce>();
        services.AddSingleton<ReceiptGuard>();
        services.AddScoped<StatusChanges>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseActions>();
        services.AddScoped<CaseReader>();
        services.AddScoped<Queue.ConcernQueue>();
        services.AddScoped<ReporterFollowUp>();
        services.AddScoped<IRecurringJob, AutomaticTransitions>();
        services.AddScoped<IRecurringJob, PurgeClosedAnonymous>();
        services.AddScoped<Contracts.IConcernFacts, Contracts.ConcernFactsFromDatabase>();
        services.AddScoped<Contracts.IConcernIntake, Contracts.ConcernIntake>();
        services.AddScoped<Contracts.IConcernTeams, Contracts.ConcernTeamsFromDatabase>();

        // Administration of routing: rules and the status table (teams and rotas are Responders', on the same tabs).
        services.AddScoped<Contracts.AdminChanges>();
        services.AddScoped<RuleReader>();
        services.AddScoped<RuleEditor>();
        services.AddScoped<RouteTrial>();
        services.AddScoped<StatusTableReader>();
        services.AddScoped<StatusTableEditor>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendConcernsDemo>();
        return builder;
    }

    public static WebApplication MapConcerns(this WebApplication app)
    {
        app.MapSubmitConcern();
        app.MapFollowUpApi();
        app.MapCaseApi();
        var admin = app.MapGroup("/api/concerns/admin").RequireAuthorization(StaffPolicies.Admin).WithTags("Concern routing");
        admin.MapRoutingRulesApi();
        admin.MapCaseStatusesApi();
        return app;
    }
}
