using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;

namespace Kith.BrowserTests;

/// <summary>What a person does in the browser, and the checks the tests share.</summary>
internal static class Browse
{
    /// <summary>Signs in through the form, like a person, and waits to land on the staff area.</summary>
    public static async Task SignInAsync(IPage page, DemoAccount account)
    {
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/staff");
    }

    /// <summary>Clicks "Sign out" and checks the staff area is closed again.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/staff/sign-in");
        await page.GotoAsync("/staff");
        Assert.Equal("/staff/sign-in", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>
    /// Clicks the language's link in the switch, like a person, and waits for the page in that language. The switch
    /// returns to the same path, so waiting for the address would pass on the old page before the new one arrives.
    /// </summary>
    public static async Task SwitchLanguageAsync(IPage page, string language)
    {
        await page.Locator($"nav.language-switch a[hreflang='{language}']").ClickAsync();
        await page.Locator($"html[lang='{language}'] nav.language-switch [aria-current='true'][lang='{language}']").WaitForAsync();
    }

    /// <summary>The staff navigation as (text, href) pairs, in order.</summary>
    public static async Task<IReadOnlyList<(string Text, string Href)>> StaffNavigationAsync(IPage page)
    {
        var links = page.Locator("nav.staff-nav a");
        var result = new List<(string, string)>();
        foreach (var link in await links.AllAsync())
            result.Add(((await link.InnerTextAsync()).Trim(), await link.GetAttributeAsync("href") ?? ""));
        return result;
    }

    /// <summary>A page's kind: its path with ids replaced, so /staff/admin/staff/{id} is one kind whatever the id.</summary>
    public static string PageKind(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");

    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>axe-core as shipped in Deque.AxeCore.Commons (the engine Deque.AxeCore.Playwright runs).</summary>
    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// Runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules; returns the serious and critical violations, described.
    /// axe is evaluated into each frame of the page and run there directly, as <c>axe.run</c> in a browser would:
    /// Deque.AxeCore.Playwright's <c>RunAxe</c> does the same work plus a second copy of axe in a new blank page per
    /// scan to merge partial results, which made each scan several times slower without finding anything more.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string label)
    {
        foreach (var frame in page.Frames)
            if (!await frame.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
                await frame.EvaluateAsync(AxeSource);
        var json = await page.EvaluateAsync<string>("""
            async tags => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
              .violations.map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.flat(Infinity).join(' '), html: n.html, why: n.failureSummary ?? '' })) })))
            """, WcagTags);
        var violations = JsonSerializer.Deserialize<AxeViolation[]>(json, JsonSerializerOptions.Web)!;
        return violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v =>
            {
                var text = new StringBuilder($"{label} ({page.Url}): {v.Id} [{v.Impact}] {v.Help} — {v.HelpUrl}");
                foreach (var node in v.Nodes)
                    text.Append($"\n    at {node.Target}: {node.Html}\n      {node.Why.ReplaceLineEndings(" ")}");
                return text.ToString();
            })
            .ToList();
    }

    private sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, AxeNode[] Nodes);
    private sealed record AxeNode(string Target, string Html, string Why);

    /// <summary>axe on the page as a desk (1366×900) and as a phone (390×844) shows it, without reloading it.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAtEachSizeAsync(IPage page, string label)
    {
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            problems.AddRange(await SeriousViolationsAsync(page, $"{label} at {width}×{height}"));
        }
        return problems;
    }

    public static string Path(IPage page) => new Uri(page.Url).AbsolutePath;
}
