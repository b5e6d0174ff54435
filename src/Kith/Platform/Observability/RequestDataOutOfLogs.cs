namespace Kith.Platform.Observability;

/// <summary>
/// Categories that write request data — query strings (search words, coordinates), SQL and its
/// parameters — are held at Warning whatever the configuration says, for every provider: an operator
/// turning on Trace to chase a problem must not start logging what a person searched for or where.
/// </summary>
internal static class RequestDataOutOfLogs
{
    private static readonly string[] Categories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics", // "Request starting GET /help?q=…&lat=…"
        "Microsoft.EntityFrameworkCore",            // SQL text
        "Npgsql",                                   // SQL text
        "Microsoft.AspNetCore.HttpOverrides",       // "Unknown proxy: <address>" (ADR 17)
    ];

    public static ILoggingBuilder KeepRequestDataOut(this ILoggingBuilder logging)
    {
        // Post-configured, so no rule from configuration (more specific, or for one provider) can lower the floor.
        logging.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
            foreach (var category in Categories)
            {
                foreach (var rule in options.Rules.Where(r => r.CategoryName?.StartsWith(category, StringComparison.Ordinal) == true).ToList())
                    options.Rules.Remove(rule);
                foreach (var provider in providers)
                    options.Rules.Add(new LoggerFilterRule(provider, category, LogLevel.Warning, null));
            }
        });
        return logging;
    }
}
