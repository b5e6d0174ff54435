using System.Net.Sockets;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Kith.Community.Domain;

namespace Kith.Tests.Platform;

/// <summary>The web shell every module shares: headers, health, metrics, OpenAPI, crisis lines, language switch, errors.</summary>
[Trait("Category", "Integration")]
public sealed class WebPlatformTests(KithApp app) : IClassFixture<KithApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/crisis-lines")]
    [InlineData("/api/no-such-thing")]
    public async Task Security_headers_are_on_pages_api_responses_and_errors(string path)
    {
        var response = await app.Browser().GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        // UseHsts is on outside Development, but by design (RFC 6797 §7.2) it never sends the header over
        // plain http, which is all a loopback test server speaks; so here it must be absent.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Healthz_and_readyz_answer_200_on_a_migrated_database()
    {
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_answers_503_while_a_migration_is_pending_but_healthz_stays_200()
    {
        var fresh = new KithApp { MigrateDatabase = false };
        await ((IAsyncLifetime)fresh).InitializeAsync();
        try
        {
            var client = fresh.Browser();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)fresh).DisposeAsync();
        }
    }

    [Fact]
    public async Task Metrics_show_request_histograms_and_sign_ins_and_carry_no_client_address_or_user_agent()
    {
        const string agent = "KithPrivacyProbe/9.9 (distinctive-agent-7f3a)";
        var org = await Staff.AddOrganisationAsync(app, "Metrics Library");
        await Staff.AddAsync(app, "leader@metrics.test", Roles.Leader, org);
        using var client = FromOtherLoopbackAddress("127.0.0.2");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/crisis-lines")).StatusCode);
        await client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.OK, (await Staff.SignInAsync(client, "leader@metrics.test", "wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(client, "leader@metrics.test")).StatusCode);
        var metrics = await app.MetricsAsync();
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Matches("http_server_request_duration_seconds_bucket\\{[^}]*le=\"0.005\"\\} \\d+", text);
        Assert.Matches("http_server_request_duration_seconds_bucket\\{[^}]*le=\"\\+Inf\"\\} \\d+", text);
        Assert.Contains("http_server_request_duration_seconds_count{", text);
        Assert.Matches("kith_sign_ins_total\\{outcome=\"[a-z-]+\"\\} \\d+", text);
        Assert.Matches("kith_audit_entries_total\\{action=\"staff\\.sign-in-[a-z-]+\"\\} \\d+", text); // each sign-in is audited
        foreach (var secret in new[] { "127.0.0.2", "distinctive-agent", "KithPrivacyProbe" })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_openapi_document_is_json_and_lists_the_crisis_lines_api()
    {
        var response = await app.Browser().GetAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString());
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/crisis-lines", out var path));
        Assert.True(path.TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Crisis_lines_come_in_the_requested_language_with_dialable_uris()
    {
        var response = await app.Browser().GetAsync("/api/crisis-lines?lang=es");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var lines = doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Emergencias", lines["911"].GetProperty("name").GetString());
        Assert.Equal("Línea de Crisis para Veteranos", lines["veterans"].GetProperty("name").GetString());
        Assert.Equal("Si alguien está en peligro ahora mismo.", lines["911"].GetProperty("note").GetString());
        Assert.Equal("tel:911", lines["911"].GetProperty("callUri").GetString());
        Assert.Equal("tel:8338972474", lines["agristress"].GetProperty("callUri").GetString());
        Assert.Equal("sms:988", lines["988"].GetProperty("smsUri").GetString());
        Assert.Equal("sms:741741?body=HOME", lines["crisis-text-line"].GetProperty("smsUri").GetString());
        Assert.Equal(JsonValueKind.Null, lines["911"].GetProperty("smsUri").ValueKind);
        // General lines first.
        var general = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("general").GetBoolean()).ToList();
        Assert.Equal(general.OrderByDescending(g => g), general);

        using var english = JsonDocument.Parse(await app.Browser().GetStringAsync("/api/crisis-lines?lang=en"));
        Assert.Contains(english.RootElement.EnumerateArray(), e => e.GetProperty("name").GetString() == "Emergency");
    }

    [Fact]
    public async Task Quick_exit_redirects_to_the_neutral_site_and_asks_the_browser_to_forget_Kiths_cookies_cache_and_storage()
    {
        using var browser = app.Browser();
        await browser.GetAsync("/language/es?returnUrl=/"); // the language cookie the exit must clear
        var home = await browser.GetStringAsync("/");
        Assert.Contains("href=\"/exit\"", home);
        Assert.Contains("data-quick-exit=\"https://www.weather.gov/\"", home);

        var response = await browser.GetAsync("/exit");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("https://www.weather.gov/", response.Headers.Location!.OriginalString);
        Assert.Equal("\"cache\", \"cookies\", \"storage\"", Assert.Single(response.Headers.GetValues("Clear-Site-Data")));
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.False(response.Headers.Contains("Set-Cookie"), "the exit must not leave a cookie of its own");
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/staff?tab=queue", "/staff?tab=queue")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    public async Task The_language_switch_sets_only_the_culture_and_redirects_only_locally(string returnUrl, string expected)
    {
        var response = await app.Browser().GetAsync("/language/es?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kith-lang=", StringComparison.Ordinal));
        var value = Uri.UnescapeDataString(cookie.Split(';')[0]["kith-lang=".Length..]);
        Assert.Equal("c=es|uic=es", value);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_language_switch_never_redirects_off_site_whatever_the_return_url()
    {
        var client = app.Browser();
        var prefixes = Gen.Elements("/", "//", "/\\", "\\", "/\t/", "/\r\n/", " //", "https://", "http:", "/%2F", "");
        var urls = from prefix in prefixes
                   from rest in ArbMap.Default.GeneratorFor<string>()
                   select prefix + (rest ?? "");
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(urls), url =>
        {
            using var response = client.GetAsync("/language/so?returnUrl=" + Uri.EscapeDataString(url)).GetAwaiter().GetResult();
            var location = response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.ToString() : "";
            // What a browser does to a Location before resolving it (WHATWG URL: drop tab/newline, read \ as /).
            var resolved = new string(location.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).Replace('\\', '/').TrimStart();
            return response.StatusCode == HttpStatusCode.Redirect
                   && location.StartsWith('/') && !resolved.StartsWith("//", StringComparison.Ordinal)
                   && !location.Any(char.IsControl);
        }));
    }

    [Fact]
    public async Task A_public_visit_leaves_only_session_cookies_and_the_language_cookie_only_when_chosen()
    {
        // A cookie with Expires or Max-Age outlives the browser session and tells whoever holds the phone later
        // that Kith was visited (ADR 0032). Pages, form posts with problems, then a chosen language.
        var client = app.Browser();
        var responses = new List<HttpResponseMessage>();
        foreach (var path in new[] { "/", "/help", "/help?q=grief", "/concerns", "/concerns/follow-up", "/check", "/safety-plan", "/safety-plan/open" })
            responses.Add(await client.GetAsync(path));
        responses.Add(await Staff.PostFormAsync(client, "/concerns", "concern", []));
        responses.Add(await Staff.PostFormAsync(client, "/concerns/follow-up", "concern-receipt", [KeyValuePair.Create("receipt", "")]));
        var beforeChoice = responses.SelectMany(SetCookies).ToList();
        Assert.Contains(beforeChoice, c => c.StartsWith("kith-af=", StringComparison.Ordinal)); // the forms did set one
        Assert.DoesNotContain(beforeChoice, c => c.StartsWith("kith-lang=", StringComparison.Ordinal));

        var chosen = await client.GetAsync("/language/es?returnUrl=/");
        var language = Assert.Single(SetCookies(chosen), c => c.StartsWith("kith-lang=", StringComparison.Ordinal));
        foreach (var cookie in beforeChoice.Append(language))
        {
            Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("max-age=", cookie, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains("lang=\"es\"", await client.GetStringAsync("/")); // and the session cookie still carries the choice

        static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
    }

    [Fact]
    public async Task An_unknown_language_is_a_404_problem()
    {
        var response = await app.Browser().GetAsync("/language/xx?returnUrl=/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("POST", "/api/no-such-thing")]
    [InlineData("GET", "/api/crisis-lines/nope/deeper")]
    public async Task Unknown_api_routes_are_404_problems_not_500(string method, string path)
    {
        var response = await app.Browser().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new StringContent("{\"broken\": ", System.Text.Encoding.UTF8, "application/json") : null,
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body);
    }

    /// <summary>A client whose connections come from another loopback address, so the client's IP differs from the server's.</summary>
    private HttpClient FromOtherLoopbackAddress(string address) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = app.Address };
}

/// <summary>The sign-in form's rate limit, with a tiny limit for this class only.</summary>
public sealed class SignInRateLimitedApp : KithApp
{
    public SignInRateLimitedApp() => Set("Kith:RateLimits:SignInPerMinute", "4");
}

[Trait("Category", "Integration")]
public sealed class SignInRateLimitTests(SignInRateLimitedApp app) : IClassFixture<SignInRateLimitedApp>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_a_429_problem()
    {
        // The limit (4 a minute here) covers the sign-in page's GET and POST alike: one form load, three attempts, then 429.
        var client = app.Browser();
        var token = await Staff.AntiforgeryTokenAsync(client, "/staff/sign-in");
        for (var i = 0; i < 3; i++)
        {
            var attempt = await PostAsync(client, token, "guess " + i);
            Assert.True(attempt.StatusCode == HttpStatusCode.OK, $"attempt {i + 1}: {(int)attempt.StatusCode}");
        }

        var limited = await PostAsync(client, token, "guess 4");
        var body = await limited.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", problem.RootElement.GetProperty("title").GetString());
        // Other public pages are not affected by the sign-in limit.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string password) =>
        client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "nobody@limit.test",
            ["Input.Password"] = password,
        }));
}
