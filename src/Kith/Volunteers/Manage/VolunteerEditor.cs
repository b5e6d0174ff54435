using System.Security.Claims;
using Kith.Community.Contracts;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Security;
using Kith.Platform.Time;
using Kith.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Volunteers.Manage;

/// <summary>What a change came to: its status (201, 200, 400, 404, 409), the record, a private code shown once, or the problems by field.</summary>
internal sealed record VolunteerResult(int Status, Guid? Id = null, string? NewCode = null, Dictionary<string, string[]>? Errors = null, string? Message = null)
{
    public static VolunteerResult Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, Errors: new() { [field] = [message] });
    public static readonly VolunteerResult NotFound = new(StatusCodes.Status404NotFound, Message: "There is no such person you may change.");
}

/// <summary>
/// Coordinators (and administrators) record their organisation's people who help, the certificates they earn and the
/// trainings they can require; a person's supervisor writes supervision notes. Every change is audited; the private
/// code that opens the person's own page is made here and shown once.
/// </summary>
internal sealed class VolunteerEditor(KithDb db, VolunteerCode codes, IStaffFacts staff, DeploymentCalendar calendar, AuditLog audit, IServiceProvider services)
{
    public async Task<VolunteerResult> SaveAsync(Guid? id, VolunteerRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Kith.Platform.Api.RequestRules.Check(request, services);
        if (string.IsNullOrWhiteSpace(request.Name)) errors.TryAdd("name", ["Give the name they go by (at most 60 characters)."]);
        var contact = errors.ContainsKey("contactRoute") || errors.ContainsKey("contact") ? null : Kith.Platform.Messaging.Contacts.Check(request.ContactRoute, request.Contact, errors);
        if (errors.Count > 0) return new(StatusCodes.Status400BadRequest, Errors: errors);

        var volunteer = id is null ? null : await db.Volunteers.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (id is not null && (volunteer is null || !VolunteerAccess.MayManage(user, volunteer.OrganisationId))) return VolunteerResult.NotFound;
        var organisation = volunteer?.OrganisationId ?? VolunteerAccess.OrganisationFor(user, request.OrganisationId);
        if (organisation is not { } org) return VolunteerResult.Invalid("organisationId", "Say which of your organisations they help.");
        if (request.SupervisorId is { Length: > 0 } supervisor)
        {
            var found = await staff.FindAsync([supervisor], ct);
            if (!found.TryGetValue(supervisor, out var s) || !s.Active || !s.Organisations.Contains(org))
                return VolunteerResult.Invalid("supervisorId", "Choose a supervisor from the organisation's staff.");
        }

        var now = calendar.UtcNow;
        string? newCode = null;
        if (volunteer is null)
        {
            newCode = PrivateCode.Generate();
            volunteer = new Volunteer
            {
                Id = Guid.CreateVersion7(now), OrganisationId = org, Name = "", Role = "", ContactRoute = "", Status = VolunteerStatus.Active,
                CodeHash = codes.Hash(newCode), CreatedAt = now,
            };
            db.Volunteers.Add(volunteer);
        }
        volunteer.Name = request.Name!.Trim();
        volunteer.Role = request.Role!;
        volunteer.ContactRoute = request.ContactRoute!;
        volunteer.Contact = contact;
        volunteer.SupervisorId = request.SupervisorId is { Length: > 0 } ? request.SupervisorId : null;
        volunteer.Status = request.Status ?? volunteer.Status;
        volunteer.UpdatedAt = now;
        volunteer.Revision++;
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.RecordAsync(id is null ? "volunteers.created" : "volunteers.updated", user.FindFirstValue(ClaimTypes.NameIdentifier), "volunteer", volunteer.Id.ToString(), null, ct);
        return new(id is null ? StatusCodes.Status201Created : StatusCodes.Status200OK, volunteer.Id, newCode is null ? null : PrivateCode.Grouped(newCode));
    }

    /// <summary>A new private code for someone who lost theirs; the old one stops working at once.</summary>
    public async Task<VolunteerResult> NewCodeAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (volunteer is null || !VolunteerAccess.MayManage(user, volunteer.OrganisationId)) return VolunteerResult.NotFound;
        var code = PrivateCode.Generate();
        volunteer.CodeHash = codes.Hash(code);
        volunteer.Revision++;
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.RecordAsync("volunteers.code-replaced", user.FindFirstValue(ClaimTypes.NameIdentifier), "volunteer", id.ToString(), null, ct);
        return new(StatusCodes.Status200OK, id, PrivateCode.Grouped(code));
    }

    /// <summary>Records a certificate; its last day is the training's usual term from completion unless given.</summary>
    public async Task<VolunteerResult> CertifyAsync(Guid id, CertificationRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (volunteer is null || !VolunteerAccess.MayManage(user, volunteer.OrganisationId)) return VolunteerResult.NotFound;
        var errors = Kith.Platform.Api.RequestRules.Check(request, services);
        if (errors.Count > 0) return new(StatusCodes.Status400BadRequest, Errors: errors);
        var training = await db.Trainings.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TrainingId && (t.OrganisationId == null || t.OrganisationId == volunteer.OrganisationId), ct);
        if (training is null) return VolunteerResult.Invalid("trainingId", "Choose one of the trainings listed.");
        var today = calendar.Today;
        if (!VolunteerRules.TryDay(request.CompletedOn, out var completed) || completed > today || completed < today.AddYears(-20))
            return VolunteerResult.Invalid("completedOn", "Give the day they completed it, like 2026-11-14 (not in the future).");
        var expires = Certificates.ExpiryOf(completed, training.ValidMonths);
        if (!string.IsNullOrWhiteSpace(request.ExpiresOn) && (!VolunteerRules.TryDay(request.ExpiresOn, out expires) || expires <= completed))
            return VolunteerResult.Invalid("expiresOn", "Give the certificate's last day, after the day it was completed, like 2028-11-13 — or leave it empty for the training's usual term.");
        var now = calendar.UtcNow;
        var certification = new Certification
        {
            Id = Guid.CreateVersion7(now), VolunteerId = id, TrainingId = training.Id, CompletedOn = completed, ExpiresOn = expires,
            RecordedBy = user.FindFirstValue(ClaimTypes.NameIdentifier), RecordedAt = now,
        };
        db.Certifications.Add(certification);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("volunteers.certified", certification.RecordedBy, "volunteer", id.ToString(),
            new { training = training.Id, expires = expires.ToString("yyyy-MM-dd") }, ct);
        return new(StatusCodes.Status201Created, certification.Id);
    }

    /// <summary>Adds a training the organisation's people can hold (<see cref="TrainingRequest.ForEveryone"/>: the whole deployment's, administrators only).</summary>
    public async Task<VolunteerResult> AddTrainingAsync(TrainingRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Kith.Platform.Api.RequestRules.Check(request, services);
        if (string.IsNullOrWhiteSpace(request.Name)) errors.TryAdd("name", ["Name the training (at most 120 characters)."]);
        if (errors.Count > 0) return new(StatusCodes.Status400BadRequest, Errors: errors);
        Guid? organisation = null;
        if (request.ForEveryone)
        {
            if (!user.IsInRole(Roles.Admin)) return VolunteerResult.Invalid("forEveryone", "Only an administrator adds a training for every organisation.");
        }
        else if (VolunteerAccess.OrganisationFor(user, request.OrganisationId) is { } org) organisation = org;
        else return VolunteerResult.Invalid("organisationId", "Say which of your organisations the training is for.");
        var name = request.Name!.Trim();
        if (await db.Trainings.AnyAsync(t => (t.OrganisationId == null || t.OrganisationId == organisation) && t.Name == name, ct))
            return VolunteerResult.Invalid("name", "A training of that name exists already.");
        var now = calendar.UtcNow;
        var training = new Training
        {
            Id = Guid.CreateVersion7(now), OrganisationId = organisation, Name = name, Kind = request.Kind!, ValidMonths = request.ValidMonths!.Value,
            RenewalDays = request.RenewalDays ?? 30, CreatedAt = now,
        };
        db.Trainings.Add(training);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("volunteers.training-added", user.FindFirstValue(ClaimTypes.NameIdentifier), "training", training.Id.ToString(), null, ct);
        return new(StatusCodes.Status201Created, training.Id);
    }

    /// <summary>A supervision note, written only by the person's supervisor, encrypted at rest.</summary>
    public async Task<VolunteerResult> WriteNoteAsync(Guid id, SupervisionNoteRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (volunteer is null || me is null || volunteer.SupervisorId != me) return VolunteerResult.NotFound;
        var errors = Kith.Platform.Api.RequestRules.Check(request, services);
        if (string.IsNullOrWhiteSpace(request.Text)) errors.TryAdd("text", ["Write the note (at most 4,000 characters)."]);
        if (errors.Count > 0) return new(StatusCodes.Status400BadRequest, Errors: errors);
        var now = calendar.UtcNow;
        var note = new SupervisionNote { Id = Guid.CreateVersion7(now), VolunteerId = id, SupervisorId = me, Text = request.Text!.Trim(), WrittenAt = now };
        db.SupervisionNotes.Add(note);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("volunteers.note-written", me, "volunteer", id.ToString(), null, ct);
        return new(StatusCodes.Status201Created, note.Id);
    }

    private async Task<VolunteerResult?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(StatusCodes.Status409Conflict, Message: "Someone changed this person's record at the same moment. Look at it again and retry.");
        }
    }
}

/// <summary>Who may see and change an organisation's people who help: its coordinators, and administrators.</summary>
internal static class VolunteerAccess
{
    public static bool MayManage(ClaimsPrincipal user, Guid organisation) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Coordinator) && user.Organisations().Contains(organisation));

    /// <summary>The organisation a new record belongs to: the one chosen (if the user may manage it), else the user's only one.</summary>
    public static Guid? OrganisationFor(ClaimsPrincipal user, Guid? chosen) =>
        chosen is { } c ? (MayManage(user, c) ? c : null) : user.Organisations() is [var only] && MayManage(user, only) ? only : null;
}
