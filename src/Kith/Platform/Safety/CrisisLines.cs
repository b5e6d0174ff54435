using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kith.Platform.Safety;

/// <summary>
/// The crisis numbers in the "Get help now" band, set per deployment in configuration
/// (<c>Kith:CrisisLines</c>), with their names and notes in each language. Read through <see cref="CrisisRoutes"/>.
/// </summary>
internal sealed class CrisisLineOptions
{
    public List<CrisisLine> CrisisLines { get; set; } = [];
}

internal sealed class CrisisLine
{
    public string Id { get; set; } = "";
    public Dictionary<string, string> Name { get; set; } = [];
    public Dictionary<string, string> Note { get; set; } = [];
    /// <summary>Number to call, as dialled (e.g. 988, 911, 833-897-2474).</summary>
    public string? Call { get; set; }
    /// <summary>Number to text; <see cref="TextKeyword"/> is the word to send, if any (e.g. HOME to 741741).</summary>
    public string? Text { get; set; }
    public string? TextKeyword { get; set; }
    /// <summary>True for lines that answer any crisis (shown first); false for audience-specific lines.</summary>
    public bool General { get; set; }

    public string LocalName(CultureInfo culture) => Pick(Name, culture) ?? Id;
    public string? LocalNote(CultureInfo culture) => Pick(Note, culture);

    private static string? Pick(Dictionary<string, string> texts, CultureInfo culture) =>
        texts.GetValueOrDefault(culture.TwoLetterISOLanguageName) ?? texts.GetValueOrDefault("en");

    public static string Dialable(string number) => new(number.Where(c => char.IsDigit(c) || c == '+').ToArray());
}

internal sealed record CrisisLineResponse(string Id, string Name, string? Note, string? Call, string? CallUri, string? Text, string? TextKeyword, string? SmsUri, bool General);

internal static class CrisisLinesApi
{
    public static IEndpointRouteBuilder MapCrisisLinesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/crisis-lines", List)
            .WithName("ListCrisisLines")
            .WithSummary("The deployment's crisis numbers, in the request's language (?lang=en|es|so).")
            .WithTags("Platform")
            .RequireRateLimiting(PlatformModule.PublicRateLimit);
        return app;
    }

    private static Ok<IReadOnlyList<CrisisLineResponse>> List(IOptions<CrisisLineOptions> options) =>
        TypedResults.Ok(Describe(options.Value, CultureInfo.CurrentUICulture));

    private static IReadOnlyList<CrisisLineResponse> Describe(CrisisLineOptions options, CultureInfo culture) =>
        options.CrisisLines
            .OrderByDescending(l => l.General)
            .Select(l => (Line: l, Call: l.Call is null ? null : new CrisisContact(l.Call, "voice"), Text: l.Text is null ? null : new CrisisContact(l.Text, "text", l.TextKeyword)))
            .Select(x => new CrisisLineResponse(
                x.Line.Id, x.Line.LocalName(culture), x.Line.LocalNote(culture),
                x.Line.Call, x.Call?.Href, x.Line.Text, x.Line.TextKeyword, x.Text?.Href, x.Line.General))
            .ToList();
}
