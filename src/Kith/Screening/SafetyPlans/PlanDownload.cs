using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kith.Screening.SafetyPlans;

/// <summary>
/// <c>POST /safety-plan/download</c> (a form with the code): the plan as a file to keep on the phone — a
/// self-contained web page (no scripts, no links to this site) or plain text — readable offline.
/// </summary>
internal static class PlanDownload
{
    public static IEndpointRouteBuilder MapPlanDownload(this IEndpointRouteBuilder app)
    {
        app.MapPost("/safety-plan/download", DownloadAsync).AllowAnonymous()
            .RequireRateLimiting(SafetyPlansRegistration.CodeRateLimit)
            .WithName("DownloadSafetyPlan").WithTags("Safety plans")
            .WithSummary("The plan as an HTML or text file (form post with the code).");
        return app;
    }

    private static async Task<IResult> DownloadAsync([FromForm] string? code, [FromForm] string? format, SafetyPlanStore store,
        IStringLocalizer<SharedResource> T, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (await store.OpenAsync(code, ct) is not { } plan)
            return TypedResults.Problem(statusCode: 404, title: "Code not recognised", detail: "No safety plan opens with that code. Check it and try again.");
        return format == "text"
            ? TypedResults.File(Encoding.UTF8.GetBytes(Text(plan.Content, T)), "text/plain; charset=utf-8", "my-safety-plan.txt")
            : TypedResults.File(Encoding.UTF8.GetBytes(Html(plan.Content, T)), "text/html; charset=utf-8", "my-safety-plan.html");
    }

    public static string Text(PlanContent plan, IStringLocalizer T)
    {
        var sb = new StringBuilder();
        sb.AppendLine(T["My safety plan"]).AppendLine();
        foreach (var section in PlanSections.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{section.Step}. ").AppendLine(T[section.Title]);
            var entries = plan.In(section.Key);
            if (entries.Count == 0) sb.AppendLine("   -");
            foreach (var entry in entries)
                sb.Append("   - ").AppendLine(entry.Phone is null ? entry.Text : $"{entry.Text}: {entry.Phone}");
            sb.AppendLine();
        }
        sb.AppendLine(T["If you are in danger now, call your local emergency number."]);
        return sb.ToString();
    }

    public static string Html(PlanContent plan, IStringLocalizer T)
    {
        var title = Encode(T["My safety plan"]);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
            <style>body{"{"}font:1.05rem/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#111{"}"}
            h2{"{"}font-size:1.1rem;margin:1.2rem 0 .3rem{"}"}li{"{"}margin:.2rem 0{"}"}.muted{"{"}color:#555{"}"}</style></head><body>
            <h1>{title}</h1>

            """);
        foreach (var section in PlanSections.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{section.Step}. {Encode(T[section.Title])}</h2>\n<ul>\n");
            var entries = plan.In(section.Key);
            if (entries.Count == 0) sb.Append("<li class=\"muted\">-</li>\n");
            foreach (var entry in entries)
                sb.Append("<li>").Append(Encode(entry.Text))
                  .Append(entry.Phone is null ? "" : $": <a href=\"tel:{Encode(Platform.Safety.CrisisLine.Dialable(entry.Phone))}\">{Encode(entry.Phone)}</a>")
                  .Append("</li>\n");
            sb.Append("</ul>\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<p><strong>{Encode(T["If you are in danger now, call your local emergency number."])}</strong></p>\n</body></html>\n");
        return sb.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
