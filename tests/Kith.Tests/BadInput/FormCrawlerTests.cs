using System.Collections.Concurrent;
using Kith.Community.Demo;
using Xunit.Abstractions;

namespace Kith.Tests.BadInput;

/// <summary>
/// Crawls the Riverbend demo as nobody and as each staff role, finds every HTML form, and posts hostile values
/// to each (extreme dates and numbers, markup, unicode, very long text, empty, documents that parse but hold
/// nothing). No answer may be a 5xx or show a stack trace. A form the crawl should reach but did not fails the
/// test, so a page that stops rendering its form (or a crawl that stops reaching it) is noticed.
/// </summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed class FormCrawlerTests(RiverbendForms site, ITestOutputHelper output) : IClassFixture<RiverbendForms>
{
    /// <summary>Forms every crawl must find: method, action path (ids collapsed to {id}; {code} is any one segment) and form name.</summary>
    public static readonly string[] Known =
    [
        // Public
        "GET /help", "GET /safety-plan", "POST /concerns concern", "POST /concerns/follow-up concern-receipt",
        "POST /check/phq-9 self-check-answers", "POST /check/gad-7 self-check-answers", "POST /s/{code} campaign-group",
        "POST /safety-plan safety-plan-new", "POST /safety-plan/open safety-plan-open", "POST /safety-plan/print safety-plan-print",
        "POST /staff/sign-in sign-in",
        // Every staff member
        "POST /staff/sign-out", "POST /staff/change-password change-password", "POST /staff/two-step two-step-enable",
        // Directory
        "GET /staff/directory/services", "POST /staff/directory/services/new service", "POST /staff/directory/services/{id} service",
        "POST /staff/directory/services/{id}/capacity", "POST /staff/directory/services/{id}/verify", "GET /staff/directory/gaps",
        // Community
        "POST /staff/areas/import import-areas", "POST /staff/organisations/{id} my-organisation",
        "POST /staff/admin/organisations/new organisation", "POST /staff/admin/organisations/{id} organisation",
        "POST /staff/admin/staff/new new-staff", "POST /staff/admin/staff/{id} staff-access", "POST /staff/admin/staff/{id} lock",
        "POST /staff/admin/staff/{id} reset-password",
        // Concerns: case work and its administration
        "POST /staff/concerns/new file-concern", "POST /staff/concerns/{id} acknowledge", "POST /staff/concerns/{id} assign",
        "POST /staff/concerns/{id} note", "POST /staff/concerns/{id} reply", "POST /staff/concerns/{id} question",
        "POST /staff/concerns/{id} intervention", "POST /staff/concerns/{id} status", "POST /staff/concerns/{id} hand-off",
        "POST /staff/concerns/{id} flag",
        "POST /staff/admin/concerns/teams/new team", "POST /staff/admin/concerns/teams/{id} team", "POST /staff/admin/concerns/teams/{id} add-member",
        "POST /staff/admin/concerns/teams/{id} add-shift", "POST /staff/admin/concerns/rules route-test", "POST /staff/admin/concerns/rules rule-action",
        "POST /staff/admin/concerns/rules/new rule", "POST /staff/admin/concerns/statuses add-status", "POST /staff/admin/concerns/statuses status-action",
        "POST /staff/admin/concerns/statuses add-transition", "POST /staff/admin/concerns/statuses/{code} status",
        // Screening
        "POST /staff/screening/campaigns/new campaign", "POST /staff/screening/campaigns/{id}/edit campaign",
        "POST /staff/screening/campaigns/{id} close-campaign", "POST /staff/safety-plans safety-plan-shared",
    ];

    private static readonly string[] PublicStart =
        ["/", "/help", "/concerns", "/concerns/follow-up", "/check", "/safety-plan", "/safety-plan/open", "/safety-plan/print", "/staff/sign-in"];

    private static readonly string[] StaffStart = ["/staff", "/staff/change-password", "/staff/two-step", "/staff/concerns/new", "/staff/screening/record"];

    [Fact]
    public async Task Every_form_answers_hostile_values_without_a_server_error()
    {
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var found = new Dictionary<string, string>(); // form key → who found it first
        var posts = 0;
        // Nobody first, the administrator last: what a role changes (a closed campaign, a locked account) cannot hide another role's forms.
        foreach (var (who, client) in await site.PeopleAsync())
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var start = who == "anonymous" ? [.. PublicStart, $"/s/{site.CampaignCode}"] : StaffStart;
            var forms = (await FormCrawl.FormsAsync(client, start, site.CrawlAccountIds))
                .DistinctBy(f => f.Key).ToList();
            foreach (var f in forms) found.TryAdd(f.Key, who);
            // Signing out ends the crawl's session: that form goes last.
            var ordered = forms.OrderBy(f => f.Action.StartsWith("/staff/sign-out", StringComparison.Ordinal)).ToList();
            var last = ordered.Where(f => f.Action.StartsWith("/staff/sign-out", StringComparison.Ordinal)).ToList();
            // Pages in parallel, the forms of one page in turn: they change the same record (locking and resetting one
            // account at once is a race between two people, not bad input).
            await Parallel.ForEachAsync(ordered.Except(last).GroupBy(f => f.Page), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (page, _) =>
            {
                foreach (var form in page)
                    foreach (var variant in FormPosts.Variants(form))
                    {
                        Interlocked.Increment(ref posts);
                        await CheckAsync(client, who, form, variant, failures, statuses);
                    }
            });
            output.WriteLine($"{who}: {forms.Count} forms crawled and posted in {clock.Elapsed.TotalSeconds:F1} s");
            foreach (var form in last)
                foreach (var variant in FormPosts.Variants(form).Take(1))
                {
                    Interlocked.Increment(ref posts);
                    await CheckAsync(client, who, form, variant, failures, statuses);
                }
        }

        output.WriteLine($"{found.Count} distinct forms found; {posts} hostile submissions; answers: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        foreach (var (key, who) in found.OrderBy(f => f.Key)) output.WriteLine($"  {key}   ({who})");
        var missing = Known.Where(k => !found.Keys.Any(key => Matches(k, key))).ToList();
        Assert.True(missing.Count == 0, "Forms the crawl did not find:\n" + string.Join("\n", missing));
        var errors = site.App.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers:\n" + string.Join("\n", failures.Take(40))
            + "\nThe app's first errors:\n" + string.Join("\n", errors.Take(5).Select(l => l.Length > 1500 ? l[..1500] : l)));
    }

    /// <summary>A known form as found: <c>{code}</c> stands for one path segment that is not an id (a campaign code, a status).</summary>
    private static bool Matches(string known, string key) =>
        System.Text.RegularExpressions.Regex.IsMatch(key, "^" + System.Text.RegularExpressions.Regex.Escape(known).Replace(@"\{code}", "[^/ ]+") + "$");

    private static async Task CheckAsync(HttpClient client, string who, PageForm form, FormVariant variant,
        ConcurrentBag<string> failures, ConcurrentDictionary<int, int> statuses)
    {
        try
        {
            using var response = await FormPosts.SendAsync(client, form, variant);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500) failures.Add($"{who}: {form.Key} [{variant.Label}] → {status}");
            if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains(".cs:line", StringComparison.Ordinal))
                failures.Add($"{who}: {form.Key} [{variant.Label}] → stack trace in the answer");
        }
        catch (HttpRequestException e)
        {
            failures.Add($"{who}: {form.Key} [{variant.Label}] → connection failed: {e.Message}");
        }
        catch (TaskCanceledException)
        {
            failures.Add($"{who}: {form.Key} [{variant.Label}] → no answer within {client.Timeout.TotalSeconds} s");
        }
    }
}

/// <summary>
/// One app with the Riverbend demo seeded (the path of `kith seed-demo`), a concern for each demo team so the case
/// pages have something to show, and an extra account whose staff page the administrator's crawl may change freely.
/// </summary>
public sealed class RiverbendForms : IAsyncLifetime
{
    public KithApp App { get; } = new();
    public string CampaignCode { get; private set; } = "";
    /// <summary>Ids of the demo accounts the crawl signs in as: their staff pages are not crawled (locking one would end its crawl).</summary>
    public ISet<string> CrawlAccountIds { get; } = new HashSet<string>();
    private IReadOnlyList<DemoCredential> credentials = [];

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        credentials = await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        CampaignCode = await db.ScreeningCampaigns.Select(c => c.Code).FirstAsync();
        foreach (var email in credentials.Select(c => c.Email))
            CrawlAccountIds.Add(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var school = await db.Organisations.Where(o => o.Name == "Riverbend High School").Select(o => o.Id).SingleAsync();
        await Staff.AddAsync(App, "crawl-target@riverbend.example", Roles.Responder, school);

        var anonymous = App.CreateClient();
        await Concerns.ConcernData.SubmitAsync(anonymous, new
        {
            about = "student", categories = new[] { "bullying" }, urgency = "can-wait", language = "en",
            narrative = "Crawl: a student is being picked on.", organisationId = school,
        });
        await Concerns.ConcernData.SubmitAsync(anonymous, Concerns.ConcernData.Routine("Crawl: a neighbour seems very low."));
    }

    /// <summary>Nobody, then each demo role signed in on its own client, in the order their posts run.</summary>
    public async Task<IReadOnlyList<(string Who, HttpClient Client)>> PeopleAsync()
    {
        var anonymous = App.Browser();
        anonymous.Timeout = TimeSpan.FromSeconds(30);
        var people = new List<(string, HttpClient)> { ("anonymous", anonymous) };
        foreach (var role in new[] { Roles.Leader, Roles.Responder, Roles.Coordinator, Roles.Admin })
        {
            var credential = credentials.Single(c => c.Role == role);
            var client = App.Browser();
            client.Timeout = TimeSpan.FromSeconds(30);
            var signedIn = await Staff.SignInAsync(client, credential.Email, credential.Password);
            if (Staff.RedirectPath(signedIn) != "/staff") throw new InvalidOperationException($"Sign-in as {role} went to {Staff.RedirectPath(signedIn)}.");
            people.Add((role, client));
        }
        return people;
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}
