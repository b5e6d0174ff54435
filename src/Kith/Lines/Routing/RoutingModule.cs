using Kith.Lines.Blocks;
using Kith.Lines.Switchboard;
using Kith.Lines.Transfer;

namespace Kith.Lines.Routing;

/// <summary>Routing, transfers, the switchboard and sender flags (ADR 37): their services and endpoints, wired from <see cref="LinesModule"/>.</summary>
internal static class RoutingModule
{
    public static IServiceCollection AddLineRouting(this IServiceCollection services)
    {
        services.AddScoped<Router>();
        services.AddScoped<Transfers>();
        services.AddScoped<Switchboard.Switchboard>();
        services.AddScoped<SenderFlags>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, RiverbendRoutingDemo>();
        return services;
    }

    public static WebApplication MapLineRouting(this WebApplication app)
    {
        app.MapGroup("/api/lines").RequireAuthorization(StaffPolicies.Admin).WithTags("Lines").MapRoutingAdminApi().MapFlagAdminApi();
        app.MapGroup("/api/lines").RequireAuthorization(StaffPolicies.Responder).WithTags("Lines").MapRoutingApi().MapTransferApi().MapSwitchboardApi().MapFlagApi();
        return app;
    }
}
