using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Referrals.Domain;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Referrals.Intake;

internal sealed record IntakeRequest(Guid? TeamId, int? ResponseBusinessDays);

internal sealed record IntakeView(Guid OrganisationId, Guid TeamId, string TeamName, int ResponseBusinessDays);

/// <summary>
/// Which Responders team takes an organisation's referrals in, and how many business days it has to answer
/// (administrators, or a coordinator of that organisation). Naming no team stops new referrals to it.
/// </summary>
internal static class IntakeApi
{
    public const int MaxBusinessDays = 10;

    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder referrals)
    {
        referrals.MapGet("/intakes", ListAsync).WithName("ListReferralIntakes").WithSummary("Every organisation that takes referrals, its intake team and response time.");
        referrals.MapPut("/intakes/{organisationId:guid}", SetAsync).WithName("SetReferralIntake")
            .WithSummary("Names the team that takes an organisation's referrals and its business days to answer.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        referrals.MapDelete("/intakes/{organisationId:guid}", StopAsync).WithName("StopReferralIntake")
            .WithSummary("The organisation takes no new referrals (those already sent stay).");
        return referrals;
    }

    private static async Task<IResult> ListAsync(KithDb db, IResponderTeams teams, CancellationToken ct)
    {
        var intakes = await db.ReferralIntakes.AsNoTracking().ToListAsync(ct);
        var names = await teams.FindAsync(intakes.Select(i => i.TeamId), ct);
        return TypedResults.Ok(intakes.Select(i => new IntakeView(i.OrganisationId, i.TeamId, names.TryGetValue(i.TeamId, out var t) ? t.Name : "", i.ResponseBusinessDays)));
    }

    private static async Task<IResult> SetAsync(Guid organisationId, IntakeRequest request, KithDb db, IResponderTeams teams, ICommunityFacts community,
        AuditLog audit, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        if (!MayManage(user, organisationId)) return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
            detail: "Only an administrator or a coordinator of the organisation names its intake team.");
        if (!(await community.OrganisationsAsync(ct)).Any(o => o.Id == organisationId && o.Active)) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (request.TeamId is not { } teamId || !(await teams.FindAsync([teamId], ct)).TryGetValue(teamId, out var team) || !team.Active)
            errors["teamId"] = ["Choose an active Responders team to take referrals in."];
        var days = request.ResponseBusinessDays ?? ResponseDeadline.DefaultBusinessDays;
        if (days is < 1 or > MaxBusinessDays) errors["responseBusinessDays"] = [$"Between 1 and {MaxBusinessDays} business days."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var intake = await db.ReferralIntakes.SingleOrDefaultAsync(i => i.OrganisationId == organisationId, ct);
        if (intake is null) db.ReferralIntakes.Add(intake = new ReferralIntake { OrganisationId = organisationId });
        intake.TeamId = request.TeamId!.Value;
        intake.ResponseBusinessDays = days;
        intake.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("referrals.intake-set", user.FindFirstValue(ClaimTypes.NameIdentifier), "organisation", organisationId.ToString(),
            new { team = intake.TeamId, days }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> StopAsync(Guid organisationId, KithDb db, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MayManage(user, organisationId)) return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        var removed = await db.ReferralIntakes.Where(i => i.OrganisationId == organisationId).ExecuteDeleteAsync(ct);
        if (removed == 0) return TypedResults.NotFound();
        await audit.RecordAsync("referrals.intake-stopped", user.FindFirstValue(ClaimTypes.NameIdentifier), "organisation", organisationId.ToString(), null, ct);
        return TypedResults.NoContent();
    }

    private static bool MayManage(ClaimsPrincipal user, Guid organisationId) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Coordinator) && user.BelongsTo(organisationId));
}
