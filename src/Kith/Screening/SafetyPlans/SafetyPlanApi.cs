using System.ComponentModel.DataAnnotations;
using Kith.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Screening.SafetyPlans;

internal sealed record PlanRequest(
    [property: Required(ErrorMessage = "Write at least one thing in your plan before saving it.")]
    [property: OneOf(typeof(PlanSections), nameof(PlanSections.Keys), ErrorMessage = "There is no such section in a safety plan.")]
    Dictionary<string, PlanEntry?[]?>? Sections);
// No check of its own on the code: a missing, malformed, wrong or deleted one gets the one 404.
internal sealed record PlanCodeRequest(string? Code);
internal sealed record SavePlanRequest(
    string? Code,
    [property: Required(ErrorMessage = "Write at least one thing in your plan before saving it.")]
    [property: OneOf(typeof(PlanSections), nameof(PlanSections.Keys), ErrorMessage = "There is no such section in a safety plan.")]
    Dictionary<string, PlanEntry?[]?>? Sections);
internal sealed record PlanCreated(string Code);
internal sealed record PlanResponse(IReadOnlyDictionary<string, IReadOnlyList<PlanEntry>> Sections, DateTime? SharedUntil);
internal sealed record PlanShareResponse(string ShareCode, DateTime Until);

/// <summary>
/// <c>/api/safety-plans</c>: the same plan as the pages, for an app. Codes travel only in bodies, never in a URL.
/// A wrong, deleted or malformed code always gets the same 404.
/// </summary>
internal static class SafetyPlanApi
{
    public static IEndpointRouteBuilder MapSafetyPlanApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/safety-plans").AllowAnonymous().DisableAntiforgery().WithTags("Safety plans");
        group.MapPost("/", CreateAsync).WithName("CreateSafetyPlan").RequireRateLimiting(Platform.PlatformModule.PublicRateLimit)
            .WithSummary("Keeps a new safety plan sealed and answers with its private code, once.");
        var coded = group.MapGroup("/").RequireRateLimiting(SafetyPlansRegistration.CodeRateLimit);
        coded.MapPost("/open", OpenAsync).WithName("OpenSafetyPlan").WithSummary("Reads a safety plan with its code.");
        coded.MapPost("/save", SaveAsync).WithName("SaveSafetyPlan").WithSummary("Replaces a safety plan's content; the code stays the same.");
        coded.MapPost("/delete", DeleteAsync).WithName("DeleteSafetyPlan").WithSummary("Deletes a safety plan for good.");
        coded.MapPost("/share", ShareAsync).WithName("ShareSafetyPlan").WithSummary("Makes a share code for staff (replacing any earlier one).");
        coded.MapPost("/stop-sharing", StopSharingAsync).WithName("StopSharingSafetyPlan").WithSummary("Makes the share code stop working.");
        return app;
    }

    private static async Task<Results<Created<PlanCreated>, ValidationProblem>> CreateAsync(PlanRequest request, SafetyPlanStore store, HttpContext http, CancellationToken ct)
    {
        if (RequestRules.Check(request, http.RequestServices) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var (plan, problems) = PlanRules.Check(request.Sections);
        if (plan is null) return TypedResults.ValidationProblem(problems);
        return TypedResults.Created((string?)null, new PlanCreated(await store.CreateAsync(plan, ct)));
    }

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> OpenAsync(PlanCodeRequest request, SafetyPlanStore store, CancellationToken ct) =>
        await store.OpenAsync(request.Code, ct) is { } opened ? TypedResults.Ok(Response(opened)) : NotRecognised();

    private static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(SavePlanRequest request, SafetyPlanStore store, HttpContext http, CancellationToken ct)
    {
        if (RequestRules.Check(request, http.RequestServices) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var (plan, problems) = PlanRules.Check(request.Sections);
        if (plan is null) return TypedResults.ValidationProblem(problems);
        return await store.SaveAsync(request.Code, plan, ct) is { } saved ? TypedResults.Ok(Response(saved)) : NotRecognised();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(PlanCodeRequest request, SafetyPlanStore store, CancellationToken ct) =>
        await store.DeleteAsync(request.Code, ct) ? TypedResults.NoContent() : NotRecognised();

    private static async Task<Results<Ok<PlanShareResponse>, ProblemHttpResult>> ShareAsync(PlanCodeRequest request, SafetyPlanStore store, CancellationToken ct) =>
        await store.ShareAsync(request.Code, ct) is { } share ? TypedResults.Ok(new PlanShareResponse(share.Code, share.Until)) : NotRecognised();

    private static async Task<Results<NoContent, ProblemHttpResult>> StopSharingAsync(PlanCodeRequest request, SafetyPlanStore store, CancellationToken ct) =>
        await store.StopSharingAsync(request.Code, ct) ? TypedResults.NoContent() : NotRecognised();

    private static PlanResponse Response(OpenedPlan plan) => new(plan.Content.Sections, plan.SharedUntil);

    /// <summary>Wrong, malformed and deleted codes: one answer, so it says nothing about which codes exist.</summary>
    private static ProblemHttpResult NotRecognised() =>
        TypedResults.Problem(statusCode: 404, title: "Code not recognised", detail: "No safety plan opens with that code. Check it and try again.");
}
