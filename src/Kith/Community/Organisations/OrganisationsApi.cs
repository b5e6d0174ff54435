using System.Linq.Expressions;
using System.Security.Claims;
using Kith.Community.Domain;
using Kith.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community.Organisations;

/// <summary>The organisations API: staff read, admins create, admins and the organisation's coordinators change.</summary>
internal static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/organisations").RequireAuthorization(StaffPolicies.Staff).WithTags("Organisations");
        api.MapGet("/", List).WithName("ListOrganisations").WithSummary("Lists every organisation.");
        api.MapGet("/{id:guid}", Get).WithName("GetOrganisation").WithSummary("One organisation's details.");
        api.MapPost("/", Create).RequireAuthorization(StaffPolicies.Admin)
            .WithName("CreateOrganisation").WithSummary("Adds an organisation (admins).");
        api.MapPut("/{id:guid}", Update).RequireAuthorization(StaffPolicies.Coordinator)
            .WithName("UpdateOrganisation").WithSummary("Changes an organisation's details (admins, or coordinators of that organisation).");
        return app;
    }

    /// <summary>Organisations matching <paramref name="filter"/>, by name. Filter before projecting: EF cannot see through the record.</summary>
    public static IQueryable<OrganisationResponse> Project(KithDb db, Expression<Func<Organisation, bool>>? filter = null) =>
        from o in filter is null ? db.Organisations.AsNoTracking() : db.Organisations.AsNoTracking().Where(filter)
        join a in db.Areas on o.AreaId equals a.Id into areas
        from a in areas.DefaultIfEmpty()
        orderby o.Name
        select new OrganisationResponse(o.Id, o.Name, o.Type.ToString(), o.Description, o.Website, o.Phone, o.Email, o.AreaId,
            a == null ? null : a.Name, o.Active, o.CreatedAt, o.UpdatedAt);

    private static async Task<Ok<List<OrganisationResponse>>> List(KithDb db, CancellationToken ct) =>
        TypedResults.Ok(await Project(db).ToListAsync(ct));

    private static async Task<Results<Ok<OrganisationResponse>, NotFound>> Get(Guid id, KithDb db, CancellationToken ct) =>
        await Project(db, o => o.Id == id).SingleOrDefaultAsync(ct) is { } org ? TypedResults.Ok(org) : TypedResults.NotFound();

    private static async Task<Results<Created<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> Create(
        OrganisationRequest request, OrganisationEditor editor, KithDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await editor.CreateAsync(request, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return result.Status switch
        {
            OrganisationSaveStatus.Saved => TypedResults.Created($"/api/organisations/{result.Id}", await Project(db, o => o.Id == result.Id).SingleAsync(ct)),
            OrganisationSaveStatus.Duplicate => Conflict(),
            _ => TypedResults.ValidationProblem(result.Errors),
        };
    }

    private static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Update(
        Guid id, OrganisationRequest request, OrganisationEditor editor, KithDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        // Checked before existence, so a coordinator learns nothing about organisations that are not theirs.
        if (!OrganisationAccess.CanEdit(user, id))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "Only an administrator or a coordinator of this organisation can change it.");
        var result = await editor.UpdateAsync(id, request, mayChangeActive: user.IsInRole(Roles.Admin),
            user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return result.Status switch
        {
            OrganisationSaveStatus.Saved => TypedResults.Ok(await Project(db, o => o.Id == id).SingleAsync(ct)),
            OrganisationSaveStatus.NotFound => TypedResults.NotFound(),
            OrganisationSaveStatus.Duplicate => Conflict(),
            _ => TypedResults.ValidationProblem(result.Errors),
        };
    }

    private static ProblemHttpResult Conflict() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Duplicate name", detail: OrganisationEditor.DuplicateName);
}
