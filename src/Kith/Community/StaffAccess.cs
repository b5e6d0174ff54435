using Kith.Community.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Realtime;
using Kith.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community;

internal sealed record StaffAccessResult(bool Succeeded, IReadOnlyDictionary<string, string[]> Errors, string? UserId = null, string? TemporaryPassword = null)
{
    public static StaffAccessResult Fail(string field, string message) => new(false, new Dictionary<string, string[]> { [field] = [message] });
    public static StaffAccessResult From(IdentityResult r, string field = "password") =>
        new(r.Succeeded, r.Succeeded ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { [field] = r.Errors.Select(e => e.Description).ToArray() });
}

/// <summary>
/// Creating staff accounts and changing what they may do. One place, used by the admin pages, the API
/// and the command line, so every permission change is audited and pushed to the person's open screens.
/// </summary>
internal sealed class StaffAccess(
    UserManager<StaffUser> users, KithDb db, AuditLog audit, ILiveEvents live, TimeProvider time, PasswordGenerator passwords)
{
    public async Task<StaffAccessResult> CreateAsync(string email, string displayName, IReadOnlyCollection<string> roles,
        IReadOnlyCollection<Guid> organisations, string? password, string? actorId, CancellationToken ct)
    {
        var check = await ValidateAccessAsync(roles, organisations, ct);
        if (check is not null) return check;
        var temporary = password is null;
        password ??= passwords.Generate();
        var user = new StaffUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            EmailConfirmed = true,
            MustChangePassword = temporary,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return StaffAccessResult.From(created, created.Errors.Any(e => e.Code.Contains("Email") || e.Code.Contains("UserName")) ? "email" : "password");
        await users.AddToRolesAsync(user, roles);
        foreach (var org in organisations.Distinct())
            db.StaffOrganisations.Add(new StaffOrganisation { UserId = user.Id, OrganisationId = org });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("staff.created", actorId, "staff", user.Id, new { roles, organisations }, ct);
        await transaction.CommitAsync(ct);
        return new(true, new Dictionary<string, string[]>(), user.Id, temporary ? password : null);
    }

    /// <summary>Replaces roles and organisation scope. Renews the security stamp so old cookies lose the old rights.</summary>
    public async Task<StaffAccessResult> SetAccessAsync(string userId, IReadOnlyCollection<string> roles, IReadOnlyCollection<Guid> organisations,
        string? actorId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return StaffAccessResult.Fail("id", "No such staff member.");
        var check = await ValidateAccessAsync(roles, organisations, ct);
        if (check is not null) return check;
        if (userId == actorId && !roles.Contains(Roles.Admin))
            return StaffAccessResult.Fail("roles", "You cannot remove your own admin role.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await users.GetRolesAsync(user);
        var failed = await StepsAsync(
            () => users.RemoveFromRolesAsync(user, current.Except(roles)),
            () => users.AddToRolesAsync(user, roles.Except(current)));
        if (failed is not null) return failed;
        var existing = await db.StaffOrganisations.Where(s => s.UserId == userId).ToListAsync(ct);
        db.StaffOrganisations.RemoveRange(existing.Where(e => !organisations.Contains(e.OrganisationId)));
        foreach (var org in organisations.Distinct().Where(o => existing.All(e => e.OrganisationId != o)))
            db.StaffOrganisations.Add(new StaffOrganisation { UserId = userId, OrganisationId = org });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return StaffAccessResult.From(IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure()), "id");
        }
        failed = await StepsAsync(() => users.UpdateSecurityStampAsync(user));
        if (failed is not null) return failed;
        await audit.RecordAsync("staff.access-changed", actorId, "staff", userId,
            new { from = current.Order(), to = roles.Order(), organisations = organisations.Order() }, ct);
        await transaction.CommitAsync(ct);
        await live.PublishAsync(new LiveEvent("user:" + userId, "access-changed", "{}"), ct);
        return new(true, new Dictionary<string, string[]>(), userId);
    }

    /// <summary>Sets a temporary password the person must replace at next sign-in, and unlocks the account.</summary>
    public async Task<StaffAccessResult> ResetPasswordAsync(string userId, string? actorId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return StaffAccessResult.Fail("id", "No such staff member.");
        var temporary = passwords.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, temporary);
        if (!reset.Succeeded) return StaffAccessResult.From(reset);
        user.MustChangePassword = true;
        var failed = await StepsAsync(
            () => users.UpdateAsync(user),
            () => users.SetLockoutEndDateAsync(user, null),
            () => users.ResetAccessFailedCountAsync(user));
        if (failed is not null) return failed;
        await audit.RecordAsync("staff.password-reset", actorId, "staff", userId, ct: ct);
        await live.PublishAsync(new LiveEvent("user:" + userId, "access-changed", "{}"), ct);
        return new(true, new Dictionary<string, string[]>(), userId, temporary);
    }

    /// <summary>
    /// Turns off two-step sign-in for someone who lost both their phone and their recovery codes; they
    /// sign in with their password and can set it up again.
    /// </summary>
    public async Task<StaffAccessResult> ResetTwoStepAsync(string userId, string? actorId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return StaffAccessResult.Fail("id", "No such staff member.");
        var failed = await StepsAsync(
            () => users.SetTwoFactorEnabledAsync(user, false),
            () => users.ResetAuthenticatorKeyAsync(user));
        if (failed is not null) return failed;
        await audit.RecordAsync("staff.two-step-reset", actorId, "staff", userId, ct: ct);
        await live.PublishAsync(new LiveEvent("user:" + userId, "access-changed", "{}"), ct);
        return new(true, new Dictionary<string, string[]>(), userId);
    }

    /// <summary>Locks an account (someone left, a device was lost) until an admin unlocks it.</summary>
    public async Task<StaffAccessResult> SetLockedAsync(string userId, bool locked, string? actorId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return StaffAccessResult.Fail("id", "No such staff member.");
        if (locked && userId == actorId) return StaffAccessResult.Fail("id", "You cannot lock your own account.");
        var failed = await StepsAsync(
            () => users.SetLockoutEnabledAsync(user, true),
            () => users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null),
            () => locked ? Task.FromResult(IdentityResult.Success) : users.ResetAccessFailedCountAsync(user),
            () => users.UpdateSecurityStampAsync(user));
        if (failed is not null) return failed;
        await audit.RecordAsync(locked ? "staff.locked" : "staff.unlocked", actorId, "staff", userId, ct: ct);
        await live.PublishAsync(new LiveEvent("user:" + userId, "access-changed", "{}"), ct);
        return new(true, new Dictionary<string, string[]>(), userId);
    }

    /// <summary>
    /// Runs Identity's steps in order and stops at the first failure. Identity reports a lost race (two admins
    /// changing one account at once) as a failed result, not an exception; left unchecked, the failed update
    /// stayed tracked and the next save threw — a 500 for the second admin.
    /// </summary>
    private async Task<StaffAccessResult?> StepsAsync(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (result.Succeeded) continue;
            db.ChangeTracker.Clear();
            return StaffAccessResult.From(result, "id"); // the describer's text, in the reader's language
        }
        return null;
    }

    private async Task<StaffAccessResult?> ValidateAccessAsync(IReadOnlyCollection<string> roles, IReadOnlyCollection<Guid> organisations, CancellationToken ct)
    {
        if (roles.Count == 0) return StaffAccessResult.Fail("roles", "Choose at least one role.");
        var unknown = roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0) return StaffAccessResult.Fail("roles", $"Unknown role(s): {string.Join(", ", unknown)}. Roles: {string.Join(", ", Roles.All)}.");
        if (organisations.Count == 0 && !roles.Contains(Roles.Admin))
            return StaffAccessResult.Fail("organisations", "Choose at least one organisation.");
        var distinct = organisations.Distinct().ToList();
        var found = await db.Organisations.CountAsync(o => distinct.Contains(o.Id), ct);
        return found == distinct.Count ? null : StaffAccessResult.Fail("organisations", "One or more organisations do not exist.");
    }
}
