using AngleSharp.Dom;
using Kith.Platform.Jobs;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;

namespace Kith.Tests.Concerns.Report;

/// <summary>
/// Post/Redirect/Get for the concern form (ADR 26): the receipt waits in a shown-once slot behind a session cookie;
/// a refresh shows it again and files nothing; a resent or double-tapped form (same one-time token) files one
/// concern; after ten minutes the page says the receipt was shown, and the purge removes the slot.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReceiptPageTests(ReceiptPageTests.App app) : IClassFixture<ReceiptPageTests.App>
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.Zero));

    public sealed class App : KithApp
    {
        public App() => Time = Clock;
    }

    private static readonly (string, string)[] Routine =
        [("about", "friend"), ("categories", "grief"), ("urgency", "can-wait"), ("narrative", "Marker-PRG-routine"), ("language", "en")];

    [Fact]
    public async Task The_post_answers_303_to_the_receipt_page_whose_refresh_shows_the_same_receipt_and_files_nothing()
    {
        var client = app.Browser();
        var before = await CountAsync();

        var posted = await ConcernPages.SendFormAsync(client, await ConcernPages.FormAsync(client), Routine);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("/concerns/sent", posted.Headers.Location!.OriginalString); // no receipt, no id in the URL
        var cookie = SetCookieHeaderValue.ParseList(posted.Headers.GetValues("Set-Cookie").ToList()).Single(c => c.Name == "kith-once-concern-receipt");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal("/concerns/sent", cookie.Path.Value);
        Assert.Null(cookie.Expires); // a session cookie: gone when the browser closes
        Assert.Null(cookie.MaxAge);

        var (first, body, page) = await ConcernPages.GetAsync(client, "/concerns/sent");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("no-store", first.Headers.CacheControl?.ToString());
        var receipt = Receipt(page);
        // The receipt is the first thing in <main>, and focused without a script.
        var thanks = FirstIn(page);
        Assert.Equal("concern-thanks", thanks.ClassName);
        Assert.Equal(("-1", true), (thanks.GetAttribute("tabindex"), thanks.HasAttribute("autofocus")));
        Assert.DoesNotContain(receipt, cookie.Value.Value!);
        Assert.DoesNotContain(page.QuerySelectorAll("[href],[src],[action]"), e => (e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action"))!.Contains(receipt));

        var (again, _, refreshed) = await ConcernPages.GetAsync(client, "/concerns/sent");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(receipt, Receipt(refreshed));
        Assert.Equal(before + 1, await CountAsync());

        // Stored encrypted: neither the slot nor the kept answer holds the receipt in clear.
        var raw = await ConcernData.ReadAsync(app, async db =>
            string.Join('\n', await db.Database.SqlQuery<string>($"SELECT content AS \"Value\" FROM platform_shown_once").ToListAsync())
            + string.Join('\n', await db.Database.SqlQuery<string>($"SELECT response AS \"Value\" FROM platform_sent_once WHERE response IS NOT NULL").ToListAsync()));
        Assert.Contains("kp1:", raw);
        Assert.DoesNotContain(receipt, raw);
        Assert.DoesNotContain(receipt.Replace("-", ""), raw);
    }

    [Fact]
    public async Task The_same_form_sent_again_or_twice_at_once_files_one_concern_and_shows_the_first_receipt()
    {
        var client = app.Browser();
        var form = await ConcernPages.FormAsync(client);
        var before = await CountAsync();

        // A double tap: two posts of one form at the same moment.
        var taps = await Task.WhenAll(ConcernPages.SendFormAsync(client, form, Routine), ConcernPages.SendFormAsync(client, form, Routine));
        Assert.All(taps, t => Assert.Equal(HttpStatusCode.SeeOther, t.StatusCode));
        var receipt = Receipt((await ConcernPages.GetAsync(client, "/concerns/sent")).Page);

        // The browser resends the form later (its first answer was lost): the same receipt in a new slot.
        var resent = await ConcernPages.SendFormAsync(client, form, Routine);
        Assert.Equal(HttpStatusCode.SeeOther, resent.StatusCode);
        Assert.Equal(receipt, Receipt((await ConcernPages.GetAsync(client, "/concerns/sent")).Page));
        Assert.Equal(before + 1, await CountAsync());

        // The same token with other answers is refused, not filed and not answered with the first receipt.
        var (changed, body, page) = await ConcernPages.ReadAsync(await ConcernPages.SendFormAsync(client, form,
            ("about", "self"), ("categories", "grief"), ("urgency", "can-wait"), ("language", "en")));
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Contains("This form was sent already.", page.QuerySelector("#concern-errors")!.TextContent);
        Assert.DoesNotContain(receipt, body);
        Assert.NotEqual(form.Submission, page.QuerySelector("input[name=submission]")!.GetAttribute("value")); // a fresh token to send anew
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task After_ten_minutes_the_page_says_already_shown_a_resend_files_nothing_and_the_purge_removes_the_slot()
    {
        var client = app.Browser();
        var form = await ConcernPages.FormAsync(client);
        Assert.Equal(HttpStatusCode.SeeOther, (await ConcernPages.SendFormAsync(client, form, Routine)).StatusCode);
        var before = await CountAsync();
        Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull((await ConcernPages.GetAsync(client, "/concerns/sent")).Page.QuerySelector("code#concern-receipt-code"));

        Clock.Advance(TimeSpan.FromMinutes(1));
        var (late, body, page) = await ConcernPages.GetAsync(client, "/concerns/sent");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Null(page.QuerySelector("code#concern-receipt-code"));
        var shown = FirstIn(page);
        Assert.Equal("Your receipt was already shown", shown.QuerySelector("h1")!.TextContent.Trim());
        Assert.True(shown.HasAttribute("autofocus"));
        Assert.Contains("If you lost the code", shown.TextContent);
        Assert.NotNull(shown.QuerySelector("a[href='/concerns/follow-up']"));
        Assert.Contains(late.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kith-once-concern-receipt=;", StringComparison.Ordinal)); // removed

        // The form resent after the window: still no second concern, and no receipt.
        var resent = await ConcernPages.SendFormAsync(client, form, Routine);
        Assert.Equal(HttpStatusCode.SeeOther, resent.StatusCode);
        Assert.Null((await ConcernPages.GetAsync(client, "/concerns/sent")).Page.QuerySelector("code#concern-receipt-code"));
        Assert.Equal(before, await CountAsync());

        // A visit with no slot at all reads the same.
        Assert.Equal("Your receipt was already shown", (await ConcernPages.GetAsync(app.Browser(), "/concerns/sent")).Page.QuerySelector("main h1")!.TextContent.Trim());

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == "platform.once-purge").RunAsync(default);
        Assert.Equal(0, await ConcernData.ReadAsync(app, db => db.ShownOnce.CountAsync(s => s.ExpiresAt <= Clock.GetUtcNow().UtcDateTime)));
        Assert.Equal(0, await ConcernData.ReadAsync(app, db => db.SentOnce.CountAsync(r => r.Response != null && r.ReplayUntil <= Clock.GetUtcNow().UtcDateTime)));
    }

    [Fact]
    public async Task An_imminent_concern_puts_the_crisis_lines_first_and_focused_then_the_receipt()
    {
        var client = app.Browser();

        var posted = await ConcernPages.SendFormAsync(client, await ConcernPages.FormAsync(client),
            ("about", "friend"), ("categories", "suicide-self-harm"), ("urgency", "danger-now"), ("narrative", "Marker-PRG-danger"), ("language", "en"));
        var (_, _, page) = await ConcernPages.GetAsync(client, Staff.RedirectPath(posted));

        var first = FirstIn(page);
        Assert.Equal(("-1", true), (first.GetAttribute("tabindex"), first.HasAttribute("autofocus")));
        Assert.NotNull(first.QuerySelector(".concern-danger a[href='tel:988']"));
        Assert.False(page.QuerySelector("section.concern-thanks")!.HasAttribute("autofocus")); // one focus only
        Assert.Single(page.QuerySelectorAll("[autofocus]"));
        Assert.Equal("imminent", (await ConcernData.ByReceiptAsync(app, Receipt(page))).Tier);
    }

    private static string Receipt(IDocument page) => page.QuerySelector("code#concern-receipt-code")!.TextContent.Trim();

    private static IElement FirstIn(IDocument page) => page.QuerySelector("main")!.Children.First(e => e.LocalName is not ("script" or "link"));

    private Task<int> CountAsync() => ConcernData.ReadAsync(app, db => db.Concerns.CountAsync());
}
