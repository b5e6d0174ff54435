using Kith.Tests.Concerns;

namespace Kith.Tests.Platform.Startup;

/// <summary>An app configured to log everything at Trace (as an operator chasing a problem would).</summary>
public sealed class TraceLoggingApp : KithApp
{
    public TraceLoggingApp()
    {
        Set("Logging:LogLevel:Default", "Trace");
        Set("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Trace");
        Set("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Trace");
    }
}

/// <summary>Whatever the log level, no query string, coordinate, SQL or form value reaches a log.</summary>
[Trait("Category", "Integration")]
public sealed class LogPrivacyTests(TraceLoggingApp app) : IClassFixture<TraceLoggingApp>
{
    [Fact]
    public async Task At_Trace_no_search_words_coordinates_form_values_or_SQL_are_logged()
    {
        using var client = app.Browser();
        await client.GetAsync("/help?q=zanzibarquokka&lat=44.918273&lon=-93.827364");
        await client.GetAsync("/api/directory/search?q=quokkazanzibar&lat=44.918273&lon=-93.827364");
        await ConcernData.PostAsync(client, ConcernData.Routine("marimbaplatypus is sleeping in the car"));
        await Staff.SignInAsync(client, "okapinarwhal@example.org", "wombatxylophone-42");

        Assert.NotEmpty(app.Logs.Lines); // Trace is on: the absence below is the filter's, not silence
        foreach (var marker in new[] { "zanzibarquokka", "quokkazanzibar", "44.918273", "93.827364", "marimbaplatypus", "okapinarwhal", "wombatxylophone" })
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(marker, StringComparison.Ordinal));
        // SQL text (never parameter values) may accompany a failed command's error; below Warning, none at all.
        foreach (var sql in new[] { "SELECT ", "INSERT " })
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(sql, StringComparison.Ordinal) && l.Split(' ')[0] is "Trace" or "Debug" or "Information");
    }
}
