using Kith.Lines.Admin;
using Kith.Platform.Web;

namespace Kith.Lines;

/// <summary>
/// Text lines (ADR 34): lines configured by administrators, conversations and messages from SMS (and later web chat)
/// through channel adapters, assessed with the shared risk lexicon, answered by Responders' teams.
/// </summary>
internal static class LinesModule
{
    public static WebApplicationBuilder AddLines(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LineOptions>().Bind(builder.Configuration.GetSection(LineOptions.Section));
        services.AddScoped<LineEditor>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendLinesDemo>();
        return builder;
    }

    public static WebApplication MapLines(this WebApplication app)
    {
        app.MapGroup("/api/lines").RequireAuthorization(StaffPolicies.Admin).WithTags("Lines").MapLinesAdminApi();
        return app;
    }
}
