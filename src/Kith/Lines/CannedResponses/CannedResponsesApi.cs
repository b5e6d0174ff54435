using System.Security.Claims;
using System.Text.RegularExpressions;
using Kith.Lines.Queue;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.CannedResponses;

/// <summary>
/// <c>/api/lines/canned-responses</c> (administrators): the prepared replies per line or all lines, per language.
/// Bad input answers 400 naming the field; every change is audited (ids only).
/// </summary>
internal static partial class CannedResponsesApi
{
    public const int MaxTitle = 100;

    public static RouteGroupBuilder MapCannedResponsesApi(this RouteGroupBuilder lines)
    {
        var canned = lines.MapGroup("/canned-responses");
        canned.MapGet("/", ListAsync).WithName("ListCannedResponses").WithSummary("Every prepared reply (optionally of one line and/or language).");
        canned.MapPost("/", CreateAsync).WithName("CreateCannedResponse").WithSummary("Adds a prepared reply for a line (or all lines) in one language.");
        canned.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCannedResponse").WithSummary("Changes a prepared reply.");
        canned.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteCannedResponse").WithSummary("Removes a prepared reply.");
        return lines;
    }

    private static async Task<Ok<List<CannedResponseView>>> ListAsync(KithDb db, Guid? line, string? language, CancellationToken ct)
    {
        var all = db.LineCannedResponses.AsNoTracking();
        if (line is { } id) all = all.Where(c => c.LineId == id);
        if (language is { Length: > 0 }) all = all.Where(c => c.Language == language);
        var found = await all.OrderBy(c => c.Language).ThenBy(c => c.Title).ToListAsync(ct);
        return TypedResults.Ok(found.Select(CannedResponseView.Of).ToList());
    }

    private static async Task<Results<Created<CannedResponseView>, ValidationProblem>> CreateAsync(
        CannedResponseRequest request, KithDb db, AuditLog audit, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var (canned, problems) = await AddAsync(request, db, audit, time, user, ct);
        return canned is null ? TypedResults.ValidationProblem(problems)
            : TypedResults.Created($"/api/lines/canned-responses/{canned.Id}", CannedResponseView.Of(canned));
    }

    /// <summary>Adds a prepared reply (audited), or says which fields are wrong: the API's and the admin page's one way in.</summary>
    public static async Task<(CannedResponse? Added, Dictionary<string, string[]> Problems)> AddAsync(
        CannedResponseRequest request, KithDb db, AuditLog audit, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ProblemsAsync(request, db, ct) is { Count: > 0 } problems) return (null, problems);
        var canned = new CannedResponse
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), LineId = request.LineId, Language = request.Language!,
            Title = request.Title!.Trim(), Text = request.Text!.Trim(), UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.LineCannedResponses.Add(canned);
        await SaveAsync(db, audit, "lines.canned-response-created", user, canned.Id, ct);
        return (canned, []);
    }

    private static async Task<Results<Ok<CannedResponseView>, ValidationProblem, NotFound>> UpdateAsync(
        Guid id, CannedResponseRequest request, KithDb db, AuditLog audit, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var canned = await db.LineCannedResponses.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (canned is null) return TypedResults.NotFound();
        if (await ProblemsAsync(request, db, ct) is { Count: > 0 } problems) return TypedResults.ValidationProblem(problems);
        (canned.LineId, canned.Language, canned.Title, canned.Text) = (request.LineId, request.Language!, request.Title!.Trim(), request.Text!.Trim());
        canned.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await SaveAsync(db, audit, "lines.canned-response-changed", user, id, ct);
        return TypedResults.Ok(CannedResponseView.Of(canned));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, KithDb db, AuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
        await RemoveAsync(id, db, audit, user, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Removes a prepared reply (audited); false when there is none with this id.</summary>
    public static async Task<bool> RemoveAsync(Guid id, KithDb db, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var canned = await db.LineCannedResponses.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (canned is null) return false;
        db.LineCannedResponses.Remove(canned);
        await SaveAsync(db, audit, "lines.canned-response-deleted", user, id, ct);
        return true;
    }

    /// <summary>The field-by-field problems: a title and a text of sensible length, a language code, and a line that exists and speaks it.</summary>
    public static async Task<Dictionary<string, string[]>> ProblemsAsync(CannedResponseRequest request, KithDb db, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > MaxTitle)
            problems["title"] = [$"Give a title of 1 to {MaxTitle} characters."];
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Trim().Length > ConversationWork.MaxReplyLength || request.Text.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            problems["text"] = [$"Write 1 to {ConversationWork.MaxReplyLength} characters."];
        if (request.Language is null || !LanguageCode().IsMatch(request.Language))
            problems["language"] = ["Give a language code such as en, es or so."];
        if (request.LineId is { } lineId)
        {
            var languages = await db.Lines.Where(l => l.Id == lineId).Select(l => l.Languages).SingleOrDefaultAsync(ct);
            if (languages is null) problems["lineId"] = ["No line has this id."];
            else if (!problems.ContainsKey("language") && !languages.Split(' ').Contains(request.Language))
                problems["language"] = ["The line does not answer in this language."];
        }
        return problems;
    }

    private static async Task SaveAsync(KithDb db, AuditLog audit, string action, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(action, user.FindFirstValue(ClaimTypes.NameIdentifier), "line-canned-response", id.ToString(), null, ct);
        await transaction.CommitAsync(ct);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();
}
