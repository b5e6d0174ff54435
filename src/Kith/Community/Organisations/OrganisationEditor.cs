using Kith.Community.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community.Organisations;

internal enum OrganisationSaveStatus { Saved, Invalid, Duplicate, NotFound }

internal sealed record OrganisationSaveResult(OrganisationSaveStatus Status, Guid Id, IReadOnlyDictionary<string, string[]> Errors)
{
    public static OrganisationSaveResult Invalid(Dictionary<string, string[]> errors) => new(OrganisationSaveStatus.Invalid, Guid.Empty, errors);
}

/// <summary>
/// Creates and changes organisations for both the API and the pages, so both validate and audit alike.
/// Authorization is the caller's job (it knows the route and the user); this only saves.
/// </summary>
internal sealed class OrganisationEditor(KithDb db, AuditLog audit, TimeProvider time)
{
    public const string DuplicateName = "An organisation with this name already exists.";

    public async Task<OrganisationSaveResult> CreateAsync(OrganisationRequest request, string? actorId, CancellationToken ct)
    {
        var errors = await ValidateAsync(request, null, ct);
        if (errors.Status != OrganisationSaveStatus.Saved) return errors;
        var now = time.GetUtcNow().UtcDateTime;
        var org = new Organisation { Id = Guid.CreateVersion7(now), Name = request.Name!.Trim(), CreatedAt = now };
        Apply(org, request, includeActive: true, now);
        db.Organisations.Add(org);
        return await SaveAsync(org.Id, "organisation.created", actorId, ct);
    }

    /// <summary>Replaces the details. <paramref name="mayChangeActive"/> is false for coordinators: only an admin (de)activates.</summary>
    public async Task<OrganisationSaveResult> UpdateAsync(Guid id, OrganisationRequest request, bool mayChangeActive, string? actorId, CancellationToken ct)
    {
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return new(OrganisationSaveStatus.NotFound, id, new Dictionary<string, string[]>());
        var errors = await ValidateAsync(request, id, ct);
        if (errors.Status != OrganisationSaveStatus.Saved) return errors;
        Apply(org, request, mayChangeActive, time.GetUtcNow().UtcDateTime);
        return await SaveAsync(id, "organisation.updated", actorId, ct);
    }

    private async Task<OrganisationSaveResult> ValidateAsync(OrganisationRequest request, Guid? id, CancellationToken ct)
    {
        var errors = OrganisationRules.Validate(request, out _);
        if (request.AreaId is { } areaId && !await db.Areas.AnyAsync(a => a.Id == areaId, ct))
            errors["areaId"] = ["That area does not exist."];
        if (errors.Count > 0) return OrganisationSaveResult.Invalid(errors);
        var name = request.Name!.Trim();
        if (await db.Organisations.AnyAsync(o => o.Name == name && o.Id != id, ct))
            return new(OrganisationSaveStatus.Duplicate, Guid.Empty, new Dictionary<string, string[]> { ["name"] = [DuplicateName] });
        return new(OrganisationSaveStatus.Saved, id ?? Guid.Empty, errors);
    }

    private static void Apply(Organisation org, OrganisationRequest r, bool includeActive, DateTime now)
    {
        OrganisationRules.Validate(r, out var type);
        org.Name = r.Name!.Trim();
        org.Type = type;
        org.Description = OrganisationRules.Clean(r.Description);
        org.Website = OrganisationRules.Clean(r.Website);
        org.Phone = OrganisationRules.Clean(r.Phone);
        org.Email = OrganisationRules.Clean(r.Email);
        org.AreaId = r.AreaId;
        if (includeActive) org.Active = r.Active ?? org.Active;
        org.UpdatedAt = now;
    }

    private async Task<OrganisationSaveResult> SaveAsync(Guid id, string action, string? actorId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves raced past the name check; the unique index decided.
            db.ChangeTracker.Clear();
            return new(OrganisationSaveStatus.Duplicate, Guid.Empty, new Dictionary<string, string[]> { ["name"] = [DuplicateName] });
        }
        await audit.RecordAsync(action, actorId, "organisation", id.ToString(), ct: ct);
        await transaction.CommitAsync(ct);
        return new(OrganisationSaveStatus.Saved, id, new Dictionary<string, string[]>());
    }
}
