using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kith.Tests.Screening.SafetyPlans;

/// <summary>The app for plan tests, its code brake lifted: one test class sends more codes in a minute than a person would.</summary>
public class PlanApp : KithApp
{
    public PlanApp() => Set("Kith:RateLimits:SafetyPlanCodesPerMinute", "100000");
}

/// <summary>The safety-plan pages as a browser without JavaScript posts and reads them.</summary>
internal static class PlanPages
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, await Parser.ParseDocumentAsync(body));
    }

    /// <summary>Makes a plan through the public form; returns the page that shows the code, and the code.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page, string? Code)> CreateAsync(HttpClient client, params (string Field, string Value)[] fields)
    {
        var (response, _, page) = await PostAsync(client, "/safety-plan", "safety-plan-new", [.. fields, ("action", "save")]);
        return (response, page, page.QuerySelector("#plan-code")?.TextContent.Trim());
    }

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> OpenAsync(HttpClient client, string code) =>
        await PostAsync(client, "/safety-plan/open", "safety-plan-open", [("code", code)]);

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> PostAsync(HttpClient client, string page, string form,
        params (string Field, string Value)[] fields) =>
        await ReadAsync(await Staff.PostFormAsync(client, page, form, fields.Select(f => KeyValuePair.Create(f.Field, f.Value))));

    /// <summary>The fields of the editor as the page rendered them (so a save posts back exactly what a browser would).</summary>
    public static List<(string Field, string Value)> EditorFields(IDocument page) =>
        page.QuerySelectorAll("#plan-form input[type=text], #plan-form input[type=tel]")
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();

    /// <summary>One marker per step, with a phone where the step takes one.</summary>
    public static (string Field, string Value)[] OneEntryPerStep(string marker) =>
    [
        ("warning-signs.0.text", $"{marker}-warning"),
        ("coping.0.text", $"{marker}-coping"),
        ("distraction.0.text", $"{marker}-distraction"),
        ("helpers.0.text", $"{marker}-helper"), ("helpers.0.phone", "555-0142"),
        ("professionals.0.text", $"{marker}-professional"), ("professionals.0.phone", "+1 (555) 0199"),
        ("safe-environment.0.text", $"{marker}-environment"),
        ("reasons.0.text", $"{marker}-reason"),
    ];

    public static string[] Markers(string marker) =>
        [$"{marker}-warning", $"{marker}-coping", $"{marker}-distraction", $"{marker}-helper", $"{marker}-professional", $"{marker}-environment", $"{marker}-reason"];
}
