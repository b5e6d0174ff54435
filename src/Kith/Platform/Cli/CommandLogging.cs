using Microsoft.Extensions.Logging.Console;

namespace Kith.Platform.Cli;

/// <summary>
/// A command's standard output is its own progress and result, for a person to read: the app's log (EF Core,
/// the migrator's progress, hosting) is held at Warning and goes to standard error as plain lines, not JSON.
/// The web app keeps its own logging; only a run with a command calls this.
/// </summary>
internal static class CommandLogging
{
    public static ILoggingBuilder ForCommand(this ILoggingBuilder logging)
    {
        // Post-configured, so no level from configuration (Default: Information, a category, one provider) stays below Warning.
        logging.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            options.MinLevel = LogLevel.Warning;
            for (var i = 0; i < options.Rules.Count; i++)
            {
                var rule = options.Rules[i];
                if (rule.LogLevel is { } level && level < LogLevel.Warning)
                    options.Rules[i] = new LoggerFilterRule(rule.ProviderName, rule.CategoryName, LogLevel.Warning, rule.Filter);
            }
        });
        logging.Services.PostConfigure<ConsoleLoggerOptions>(options =>
        {
            options.FormatterName = ConsoleFormatterNames.Simple;
            options.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        logging.Services.PostConfigure<SimpleConsoleFormatterOptions>(options => options.SingleLine = true);
        return logging;
    }
}
