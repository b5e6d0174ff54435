using System.Security.Claims;
using Kith.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Community.StaffAccounts;

/// <summary>The staff accounts API (admins only). Every change goes through <see cref="StaffAccess"/>, which audits it.</summary>
internal static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").RequireAuthorization(StaffPolicies.Admin).WithTags("Staff");
        api.MapGet("/", List).WithName("ListStaff").WithSummary("Lists staff accounts with roles, organisations and lock state.");
        api.MapPost("/", Create).WithName("CreateStaff").WithSummary("Creates a staff account; the temporary password is returned only in this response.");
        api.MapPut("/{id}/access", SetAccess).WithName("SetStaffAccess").WithSummary("Replaces a staff member's roles and organisations.");
        api.MapPost("/{id}/reset-password", ResetPassword).WithName("ResetStaffPassword").WithSummary("Sets a temporary password (returned once) that must be changed at next sign-in.");
        api.MapPost("/{id}/reset-two-step", ResetTwoStep).WithName("ResetStaffTwoStep").WithSummary("Turns off two-step sign-in (a lost phone and lost recovery codes).");
        api.MapPost("/{id}/lock", Lock).WithName("LockStaff").WithSummary("Locks a staff account until it is unlocked.");
        api.MapPost("/{id}/unlock", Unlock).WithName("UnlockStaff").WithSummary("Unlocks a staff account.");
        return app;
    }

    private static string? Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    private static async Task<Ok<List<StaffSummary>>> List(StaffDirectory directory, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var staff = await directory.ListAsync(null, ct);
        await audit.RecordAsync("staff.listed", Actor(user), "staff", null, ct: ct);
        return TypedResults.Ok(staff);
    }

    private static async Task<Results<Created<CreateStaffResponse>, ValidationProblem>> Create(
        CreateStaffRequest request, StaffAccess access, StaffDirectory directory, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var result = await access.CreateAsync(request.Email!, request.DisplayName!, request.Roles ?? [], request.OrganisationIds ?? [],
            password: null, Actor(user), ct);
        if (!result.Succeeded) return TypedResults.ValidationProblem(result.Errors);
        var created = await directory.FindAsync(result.UserId!, ct);
        return TypedResults.Created($"/api/staff/{result.UserId}", new CreateStaffResponse(created!, result.TemporaryPassword!));
    }

    private static async Task<Results<Ok<StaffSummary>, ValidationProblem, NotFound>> SetAccess(
        string id, StaffAccessRequest request, StaffAccess access, StaffDirectory directory, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await access.SetAccessAsync(id, request.Roles ?? [], request.OrganisationIds ?? [], Actor(user), ct);
        if (IsMissing(result)) return TypedResults.NotFound();
        if (!result.Succeeded) return TypedResults.ValidationProblem(result.Errors);
        return TypedResults.Ok((await directory.FindAsync(id, ct))!);
    }

    private static async Task<Results<Ok<PasswordResetResponse>, ValidationProblem, NotFound>> ResetPassword(
        string id, StaffAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await access.ResetPasswordAsync(id, Actor(user), ct);
        if (IsMissing(result)) return TypedResults.NotFound();
        if (!result.Succeeded) return TypedResults.ValidationProblem(result.Errors);
        return TypedResults.Ok(new PasswordResetResponse(id, result.TemporaryPassword!));
    }

    private static Task<Results<Ok<StaffSummary>, ValidationProblem, NotFound>> Lock(
        string id, StaffAccess access, StaffDirectory directory, ClaimsPrincipal user, CancellationToken ct) =>
        SetLocked(id, true, access, directory, user, ct);

    private static Task<Results<Ok<StaffSummary>, ValidationProblem, NotFound>> Unlock(
        string id, StaffAccess access, StaffDirectory directory, ClaimsPrincipal user, CancellationToken ct) =>
        SetLocked(id, false, access, directory, user, ct);

    private static async Task<Results<Ok<StaffSummary>, ValidationProblem, NotFound>> SetLocked(
        string id, bool locked, StaffAccess access, StaffDirectory directory, ClaimsPrincipal user, CancellationToken ct) =>
        await Answer(id, await access.SetLockedAsync(id, locked, Actor(user), ct), directory, ct);

    private static async Task<Results<Ok<StaffSummary>, ValidationProblem, NotFound>> ResetTwoStep(
        string id, StaffAccess access, StaffDirectory directory, ClaimsPrincipal user, CancellationToken ct) =>
        await Answer(id, await access.ResetTwoStepAsync(id, Actor(user), ct), directory, ct);

    private static async Task<Results<Ok<StaffSummary>, ValidationProblem, NotFound>> Answer(
        string id, StaffAccessResult result, StaffDirectory directory, CancellationToken ct)
    {
        if (IsMissing(result)) return TypedResults.NotFound();
        if (!result.Succeeded) return TypedResults.ValidationProblem(result.Errors);
        return TypedResults.Ok((await directory.FindAsync(id, ct))!);
    }

    // StaffAccess reports an unknown id as an error on "id"; the API answers that with 404.
    private static bool IsMissing(StaffAccessResult result) =>
        !result.Succeeded && result.Errors.TryGetValue("id", out var messages) && messages.Contains("No such staff member.");
}
