using Kith.Platform.Data;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Kith.Lines.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Saved = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<Kith.Lines.Admin.LineView>, Microsoft.AspNetCore.Http.HttpResults.Ok<Kith.Lines.Admin.LineView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.NotFound, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Kith.Lines.Admin;

/// <summary>
/// <c>/api/lines</c>: the lines administrators configure (the group requires an administrator). Bad input answers 400
/// naming the field, clashes (a number or address already taken) 409, unknown ids 404 — all as problem details.
/// </summary>
internal static class LinesApi
{
    public static RouteGroupBuilder MapLinesAdminApi(this RouteGroupBuilder lines)
    {
        lines.MapGet("/", List).WithName("ListLines").WithSummary("Every line, with whether it is open now.");
        lines.MapGet("/{id:guid}", Get).WithName("GetLine").WithSummary("One line in full.");
        lines.MapPost("/", Create).WithName("CreateLine").WithSummary("Adds a line.");
        lines.MapPut("/{id:guid}", Update).WithName("UpdateLine").WithSummary("Changes a line (the whole set-up); active false switches it off.");
        return lines;
    }

    private static async Task<Ok<IReadOnlyList<LineView>>> List(KithDb db, TimeProvider time, CancellationToken ct)
    {
        var lines = await db.Lines.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<LineView>>([.. lines.Select(l => LineView.Of(LineSetup.Of(l), time.GetUtcNow()))]);
    }

    private static async Task<Results<Ok<LineView>, NotFound>> Get(Guid id, KithDb db, TimeProvider time, CancellationToken ct) =>
        await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) is { } line
            ? TypedResults.Ok(LineView.Of(LineSetup.Of(line), time.GetUtcNow()))
            : TypedResults.NotFound();

    private static async Task<Saved> Create(
        LineRequest request, LineEditor editor, KithDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var change = await editor.CreateAsync(request, Actor(user), ct);
        if (change.Id is not { } id) return Refused(change);
        var line = await db.Lines.AsNoTracking().SingleAsync(l => l.Id == id, ct);
        return TypedResults.Created($"/api/lines/{id}", LineView.Of(LineSetup.Of(line), time.GetUtcNow()));
    }

    private static async Task<Saved> Update(
        Guid id, LineRequest request, LineEditor editor, KithDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var change = await editor.UpdateAsync(id, request, Actor(user), ct);
        if (change.Id is null) return Refused(change);
        var line = await db.Lines.AsNoTracking().SingleAsync(l => l.Id == id, ct);
        return TypedResults.Ok(LineView.Of(LineSetup.Of(line), time.GetUtcNow()));
    }

    private static Saved Refused(LineChange change) => change.Status switch
    {
        StatusCodes.Status404NotFound => TypedResults.NotFound(),
        StatusCodes.Status409Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            detail: change.Errors.SelectMany(e => e.Value).FirstOrDefault(), extensions: new Dictionary<string, object?> { ["errors"] = change.Errors }),
        _ => TypedResults.ValidationProblem(change.Errors, title: "The line could not be saved"),
    };

    private static string? Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
