using Kith.Platform.Outbox;
using Kith.Responders.Contracts;
using Kith.Responders.Escalation;
using Kith.Responders.Paging;
using Kith.Responders.Teams;

namespace Kith.Responders;

/// <summary>
/// Who answers, and how they are reached: teams, members, the on-call rota, paging and in-app alerts,
/// acknowledgement deadlines and the escalation chain, over any subject another module owns (ADR 18).
/// Concerns is the first client; each client registers an <see cref="ISubjectEscalation"/> for its kind.
/// </summary>
internal static class RespondersModule
{
    public static WebApplicationBuilder AddResponders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ResponderOptions>(builder.Configuration.GetSection(ResponderOptions.Section));
        services.AddScoped<EscalationChain>();
        services.AddScoped<AcknowledgeDeadlines>();
        services.AddScoped<Pager>();
        services.AddScoped<IPaging>(sp => sp.GetRequiredService<Pager>());
        services.AddScoped<IResponderAlerts, ResponderAlerts>();
        services.AddScoped<IResponderTeams, Teams.ResponderTeams>();
        services.AddScoped<IOutboxHandler, AcknowledgeDeadlineHandler>();

        // Team administration: pages under Concerns' routing tabs, API under /api/concerns/admin (names partners' clients use).
        services.AddScoped<Teams.Responders>();
        services.AddScoped<TeamReader>();
        services.AddScoped<TeamEditor>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendRespondersDemo>();
        return builder;
    }

    public static WebApplication MapResponders(this WebApplication app)
    {
        var admin = app.MapGroup("/api/concerns/admin").RequireAuthorization(StaffPolicies.Admin).WithTags("Concern routing");
        admin.MapTeamsApi();
        return app;
    }
}
