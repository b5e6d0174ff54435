using Kith.Platform.Outbox;
using Kith.Responders.Contracts;
using Kith.Responders.Escalation;
using Kith.Responders.Paging;

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
        return builder;
    }

    /// <summary>Responders serves no pages of its own yet: the team pages and API still map from Concerns until they move.</summary>
    public static WebApplication MapResponders(this WebApplication app) => app;
}
