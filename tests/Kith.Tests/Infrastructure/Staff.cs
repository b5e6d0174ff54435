using System.Text.RegularExpressions;
using Kith.Community;

namespace Kith.Tests.Infrastructure;

/// <summary>Creates staff accounts and signs them in through the real sign-in form.</summary>
public static partial class Staff
{
    public const string Password = "correct horse battery staple";

    /// <summary>Adds an account with a known password (no forced change) through the same code as `kith users add`.</summary>
    public static async Task<string> AddAsync(KithApp app, string email, string role, params Guid[] organisations)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<StaffAccess>();
        var result = await access.CreateAsync(email, email.Split('@')[0], [role], organisations, Password, actorId: null, CancellationToken.None);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        return result.UserId!;
    }

    /// <summary>An organisation to scope staff to; each test class makes its own.</summary>
    public static async Task<Guid> AddOrganisationAsync(KithApp app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Kith.Platform.Data.KithDb>();
        var org = new Kith.Community.Domain.Organisation
        {
            Id = Guid.NewGuid(), Name = name, Type = Kith.Community.Domain.OrganisationType.School,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    }

    /// <summary>GETs the sign-in page, then posts the form with its antiforgery token. Returns the POST response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var token = await AntiforgeryTokenAsync(client, "/staff/sign-in");
        return await client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Adds an account and returns a client signed in as it (cookies kept, redirects not followed).</summary>
    public static async Task<(HttpClient Client, string Id)> SignedInAsync(KithApp app, string email, string role, params Guid[] organisations)
    {
        var id = await AddAsync(app, email, role, organisations);
        var client = app.Browser();
        var response = await SignInAsync(client, email);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} failed.");
        return (client, id);
    }

    /// <summary>
    /// Posts a page's form the way a browser does: GETs the page for its antiforgery token, then posts the
    /// fields with the form's name (<c>_handler</c>). Repeated keys (checkboxes) are allowed.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string formName,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await AntiforgeryTokenAsync(client, page);
        var all = new List<KeyValuePair<string, string>> { new("_handler", formName), new("__RequestVerificationToken", token) };
        all.AddRange(fields);
        return await client.PostAsync(page, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts a multipart form (file uploads) with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string page, string formName,
        IEnumerable<KeyValuePair<string, string>> fields, (string Field, string FileName, byte[] Content)? file = null)
    {
        var token = await AntiforgeryTokenAsync(client, page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(formName), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (key, value) in fields) content.Add(new StringContent(value), key);
        if (file is { } f) content.Add(new ByteArrayContent(f.Content), f.Field, f.FileName);
        return await client.PostAsync(page, content);
    }

    /// <summary>The path a redirect points to, whether the Location header is absolute or relative.</summary>
    public static string RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]
            : throw new InvalidOperationException($"Not a redirect: {(int)response.StatusCode}.");

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {page}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
