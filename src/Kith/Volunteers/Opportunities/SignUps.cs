using System.Security.Claims;
using Kith.Community.Contracts;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Messaging;
using Kith.Platform.Security;
using Kith.Platform.Time;
using Kith.Volunteers.Domain;
using Kith.Volunteers.Manage;
using Microsoft.EntityFrameworkCore;

namespace Kith.Volunteers.Opportunities;

/// <summary>An opportunity as anyone sees it: who offers it, what it asks, and the training given first.</summary>
internal sealed record PublicOpportunity(Guid Id, string Organisation, string Title, string Description, string Commitment, string Role, Guid? TrainingId, string? Training, bool Open);

/// <summary>What signing up came to: 201 with the private code (shown on every resend of the same form), or the problems.</summary>
internal sealed record SignUpResult(int Status, string? Code = null, Dictionary<string, string[]>? Errors = null, string? Message = null);

/// <summary>
/// Public volunteer opportunities and signing up for them. A sign-up is a person on the organisation's list as "signed up,
/// not yet welcomed", with a private code for their own page; the organisation's coordinators get an email that says only
/// that someone signed up (never who). Coordinators write and close opportunities.
/// </summary>
internal sealed class SignUps(KithDb db, VolunteerCode codes, ICommunityFacts community, IStaffFacts staff, DeploymentCalendar calendar, AuditLog audit, IServiceProvider services)
{
    /// <summary>How long a resent sign-up form shows its code again.</summary>
    public static readonly TimeSpan ResendWindow = TimeSpan.FromMinutes(30);

    public async Task<IReadOnlyList<PublicOpportunity>> OpenAsync(CancellationToken ct) =>
        await ViewAsync(db.Opportunities.AsNoTracking().Where(o => o.Open), ct);

    public async Task<PublicOpportunity?> ReadAsync(Guid id, CancellationToken ct) =>
        (await ViewAsync(db.Opportunities.AsNoTracking().Where(o => o.Id == id), ct)).SingleOrDefault();

    public async Task<IReadOnlyList<PublicOpportunity>> OfStaffAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var mine = user.Organisations();
        var admin = user.IsInRole(Roles.Admin);
        return await ViewAsync(db.Opportunities.AsNoTracking().Where(o => admin || mine.Contains(o.OrganisationId)), ct);
    }

    public async Task<SignUpResult> SignUpAsync(Guid id, SignUpRequest request, CancellationToken ct)
    {
        var errors = Kith.Platform.Api.RequestRules.Check(request, services);
        if (string.IsNullOrWhiteSpace(request.Name)) errors.TryAdd("name", ["Give a first name or a nickname (at most 60 characters)."]);
        var contact = errors.ContainsKey("contactRoute") || errors.ContainsKey("contact") ? null : Contacts.Check(request.ContactRoute, request.Contact, errors);
        if (errors.Count > 0) return new(StatusCodes.Status400BadRequest, Errors: errors);
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null) return new(StatusCodes.Status404NotFound, Message: "There is no such opportunity.");

        var submission = string.IsNullOrWhiteSpace(request.Submission) ? null : request.Submission.Trim();
        var submissionHash = submission is null ? null : codes.Hash("submission:" + submission);
        if (submissionHash is not null && await db.Volunteers.AsNoTracking().Where(v => v.SubmissionHash == submissionHash).Select(v => (DateTime?)v.CreatedAt).SingleOrDefaultAsync(ct) is { } sent)
            // The same form again (a refresh): the same answer while the person is plausibly still there (as joining a
            // group does); later, whoever holds an old page's token learns nothing.
            return calendar.UtcNow - sent <= ResendWindow
                ? new(StatusCodes.Status201Created, PrivateCode.Grouped(codes.Derived(submission!)))
                : new(StatusCodes.Status409Conflict, Message: "This form was already sent. Open your page with the code you were given then.");
        if (!opportunity.Open) return new(StatusCodes.Status409Conflict, Message: "This opportunity is not taking sign-ups now. The others on the list are.");

        var now = calendar.UtcNow;
        var code = submission is null ? PrivateCode.Generate() : codes.Derived(submission);
        var volunteer = new Volunteer
        {
            Id = Guid.CreateVersion7(now), OrganisationId = opportunity.OrganisationId, Name = request.Name!.Trim(), Role = opportunity.Role,
            ContactRoute = request.ContactRoute!, Contact = contact, Status = VolunteerStatus.Applied, OpportunityId = opportunity.Id,
            CodeHash = codes.Hash(code), SubmissionHash = submissionHash, CreatedAt = now, UpdatedAt = now,
        };
        db.Volunteers.Add(volunteer);
        foreach (var coordinator in await CoordinatorsAsync(opportunity.OrganisationId, ct))
            Messages.EnqueueNew(db, new OutgoingMessage(MessageChannel.Email, coordinator, $"Someone signed up: {opportunity.Title}",
                $"Someone signed up to help: {opportunity.Title}. Welcome them from People who help in Kith.", $"volunteers:signup:{volunteer.Id}:{coordinator}"), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (submissionHash is not null)
        {
            return new(StatusCodes.Status201Created, PrivateCode.Grouped(code)); // the same form, sent twice at once: the other one signed them up
        }
        await audit.RecordAsync("volunteers.signed-up", null, "volunteer", volunteer.Id.ToString(), new { opportunity = opportunity.Id }, ct);
        return new(StatusCodes.Status201Created, PrivateCode.Grouped(code));
    }

    /// <summary>Creates or changes an opportunity of one of the coordinator's organisations.</summary>
    public async Task<VolunteerResult> SaveAsync(Guid? id, OpportunityRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Kith.Platform.Api.RequestRules.Check(request, services);
        if (errors.Count > 0) return new(StatusCodes.Status400BadRequest, Errors: errors);
        var opportunity = id is null ? null : await db.Opportunities.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (id is not null && (opportunity is null || !VolunteerAccess.MayManage(user, opportunity.OrganisationId))) return VolunteerResult.NotFound;
        var organisation = opportunity?.OrganisationId ?? VolunteerAccess.OrganisationFor(user, request.OrganisationId);
        if (organisation is not { } org) return VolunteerResult.Invalid("organisationId", "Say which of your organisations offers it.");
        if (request.TrainingId is { } training && !await db.Trainings.AnyAsync(t => t.Id == training && (t.OrganisationId == null || t.OrganisationId == org), ct))
            return VolunteerResult.Invalid("trainingId", "Choose one of the trainings listed.");
        var now = calendar.UtcNow;
        if (opportunity is null)
            db.Opportunities.Add(opportunity = new Opportunity { Id = Guid.CreateVersion7(now), OrganisationId = org, Title = "", Description = "", Commitment = "", Role = "", CreatedAt = now });
        opportunity.Title = request.Title!.Trim();
        opportunity.Description = request.Description!.Trim();
        opportunity.Commitment = request.Commitment!.Trim();
        opportunity.Role = request.Role!;
        opportunity.TrainingId = request.TrainingId;
        opportunity.Open = request.Open;
        opportunity.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(id is null ? "volunteers.opportunity-created" : "volunteers.opportunity-updated", user.FindFirstValue(ClaimTypes.NameIdentifier), "opportunity", opportunity.Id.ToString(), null, ct);
        return new(id is null ? StatusCodes.Status201Created : StatusCodes.Status200OK, opportunity.Id);
    }

    private async Task<IReadOnlyList<string>> CoordinatorsAsync(Guid organisation, CancellationToken ct)
    {
        var ids = await staff.WithRoleAsync(Roles.Coordinator, ct);
        return [.. (await staff.FindAsync(ids, ct)).Values.Where(s => s.Active && s.Organisations.Contains(organisation) && s.Email is { Length: > 0 }).Select(s => s.Email!).Distinct()];
    }

    private async Task<IReadOnlyList<PublicOpportunity>> ViewAsync(IQueryable<Opportunity> query, CancellationToken ct)
    {
        var rows = await query.ToListAsync(ct);
        var names = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        var trainingIds = rows.Select(r => r.TrainingId).OfType<Guid>().ToList();
        var trainings = await db.Trainings.AsNoTracking().Where(t => trainingIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return [.. rows.Select(o => new PublicOpportunity(o.Id, names.GetValueOrDefault(o.OrganisationId, ""), o.Title, o.Description, o.Commitment, o.Role,
                o.TrainingId, o.TrainingId is { } t ? trainings.GetValueOrDefault(t) : null, o.Open))
            .OrderBy(o => o.Organisation, StringComparer.CurrentCulture).ThenBy(o => o.Title, StringComparer.CurrentCulture)];
    }
}
