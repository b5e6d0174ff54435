using System.Security.Claims;
using Kith.Community.Contracts;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Lines.Routing;

internal sealed record ProfileRequest(IReadOnlyList<string>? Languages, IReadOnlyList<string>? Skills, int? MaxActive);
internal sealed record ProfileView(string UserId, IReadOnlyList<string> Languages, IReadOnlyList<string> Skills, int MaxActive, bool DefaultLimit);
internal sealed record StepsRequest(IReadOnlyList<StepRule>? Steps);
internal sealed record StepsView(Guid LineId, IReadOnlyList<StepRule> Steps);

/// <summary>
/// Routing's settings over HTTP: responders' profiles (languages, skills, own limit; set by administrators, read by
/// the responder themself) and each line's routing steps (administrators). Every change audited, ids only.
/// </summary>
internal static class RoutingApi
{
    public static RouteGroupBuilder MapRoutingAdminApi(this RouteGroupBuilder lines)
    {
        lines.MapGet("/responders/{userId}/profile", GetProfileAsync).WithName("GetResponderProfile")
            .WithSummary("A responder's languages, skills and concurrency limit on the lines.");
        lines.MapPut("/responders/{userId}/profile", PutProfileAsync).WithName("SetResponderProfile")
            .WithSummary("Sets a responder's languages, skills and concurrency limit (null: the deployment's default).");
        lines.MapGet("/{id:guid}/routing", GetStepsAsync).WithName("GetLineRouting").WithSummary("A line's routing steps, in order.");
        lines.MapPut("/{id:guid}/routing", PutStepsAsync).WithName("SetLineRouting")
            .WithSummary("Replaces a line's routing steps: each holds a conversation for responders matching its language and/or skill for some seconds.");
        return lines;
    }

    public static RouteGroupBuilder MapRoutingApi(this RouteGroupBuilder lines)
    {
        lines.MapGet("/responders/me/profile", MyProfileAsync).WithName("GetMyResponderProfile")
            .WithSummary("Your own languages, skills and concurrency limit on the lines.");
        return lines;
    }

    private static async Task<Ok<ProfileView>> MyProfileAsync(KithDb db, IOptions<LineOptions> options, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await ProfileOfAsync(db, options, user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct));

    private static async Task<Results<Ok<ProfileView>, NotFound>> GetProfileAsync(string userId, KithDb db, IStaffFacts staff, IOptions<LineOptions> options, CancellationToken ct) =>
        (await staff.FindAsync([userId], ct)).ContainsKey(userId) ? TypedResults.Ok(await ProfileOfAsync(db, options, userId, ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ProfileView>, ValidationProblem, NotFound>> PutProfileAsync(string userId, ProfileRequest request, KithDb db,
        IStaffFacts staff, IOptions<LineOptions> options, AuditLog audit, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = RoutingRules.CheckProfile(request.Languages, request.Skills, request.MaxActive);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The profile could not be saved");
        if (!(await staff.FindAsync([userId], ct)).ContainsKey(userId)) return TypedResults.NotFound();
        var profile = await db.LineResponderProfiles.SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null) db.LineResponderProfiles.Add(profile = new ResponderProfile { UserId = userId });
        profile.Languages = string.Join(' ', request.Languages!.Distinct());
        profile.Skills = string.Join(' ', request.Skills!.Distinct());
        profile.MaxActive = request.MaxActive;
        profile.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("lines.responder-profile-set", user.FindFirstValue(ClaimTypes.NameIdentifier), "user", userId, null, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await ProfileOfAsync(db, options, userId, ct));
    }

    private static async Task<ProfileView> ProfileOfAsync(KithDb db, IOptions<LineOptions> options, string userId, CancellationToken ct)
    {
        var profile = await db.LineResponderProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        return new(userId, profile?.Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], profile?.Skills.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            profile?.MaxActive ?? options.Value.MaxActivePerResponder, profile?.MaxActive is null);
    }

    private static async Task<Results<Ok<StepsView>, NotFound>> GetStepsAsync(Guid id, KithDb db, Router router, CancellationToken ct)
    {
        if (!await db.Lines.AnyAsync(l => l.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(new StepsView(id, (await router.StepsAsync([id], ct)).GetValueOrDefault(id) ?? []));
    }

    private static async Task<Results<Ok<StepsView>, ValidationProblem, NotFound>> PutStepsAsync(Guid id, StepsRequest request, KithDb db, Router router,
        AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = RoutingRules.CheckSteps(request.Steps);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The routing could not be saved");
        if (!await db.Lines.AnyAsync(l => l.Id == id, ct)) return TypedResults.NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SetStepsAsync(db, id, request.Steps!, ct);
        await audit.RecordAsync("lines.routing-set", user.FindFirstValue(ClaimTypes.NameIdentifier), "line", id.ToString(), new { steps = request.Steps!.Count }, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new StepsView(id, (await router.StepsAsync([id], ct)).GetValueOrDefault(id) ?? []));
    }

    /// <summary>Replaces a line's steps (validated by the caller); the API and the demo seed alike.</summary>
    public static async Task SetStepsAsync(KithDb db, Guid lineId, IReadOnlyList<StepRule> steps, CancellationToken ct)
    {
        db.LineRoutingSteps.RemoveRange(await db.LineRoutingSteps.Where(s => s.LineId == lineId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.LineRoutingSteps.AddRange(steps.Select((s, i) => new RoutingStep { LineId = lineId, Position = i, Language = s.Language, Skill = s.Skill, Seconds = s.Seconds }));
        await db.SaveChangesAsync(ct);
    }
}
