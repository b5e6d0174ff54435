using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Teams;

/// <summary>A staff member as the routing pages show them: id, name and email only.</summary>
public sealed record Person(string Id, string DisplayName, string? Email, bool Pageable);

/// <summary>
/// Staff who can take concerns: accounts with the responder or administrator role that are not locked. Reads
/// the Identity tables directly and projects only id, display name and email — nothing else of the account.
/// </summary>
internal sealed class Responders(KithDb db, TimeProvider time)
{
    /// <summary>Everyone who may be put on a team, by name.</summary>
    public async Task<IReadOnlyList<Person>> ListAsync(CancellationToken ct) =>
        (await ReadAsync(null, ct)).Values.Where(p => p.Pageable).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList();

    /// <summary>
    /// The named people, each marked pageable or not (gone: account deleted, locked, or no longer a responder
    /// or administrator). An id with no account still gets an entry, so a page can show that someone is gone.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Person>> FindAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var found = await ReadAsync(wanted, ct);
        return wanted.ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? new Person(id, id, null, false));
    }

    public async Task<bool> IsResponderAsync(string userId, CancellationToken ct) =>
        IsPlausibleId(userId) && (await FindAsync([userId], ct))[userId].Pageable;

    /// <summary>Could be an account id: checked before a value from a request reaches a query (PostgreSQL refuses NUL characters).</summary>
    public static bool IsPlausibleId(string? id) => id is { Length: > 0 and <= 100 } && !id.Any(char.IsControl);

    private async Task<Dictionary<string, Person>> ReadAsync(List<string>? ids, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (ids is not null) users = users.Where(u => ids.Contains(u.Id));
        var accounts = await users
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd }).ToListAsync(ct);
        var accountIds = accounts.Select(a => a.Id).ToList();
        var responders = (await (from ur in db.UserRoles
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 where accountIds.Contains(ur.UserId) && (r.Name == Roles.Responder || r.Name == Roles.Admin)
                                 select ur.UserId).Distinct().ToListAsync(ct)).ToHashSet();
        var now = time.GetUtcNow();
        return accounts.ToDictionary(a => a.Id, a => new Person(a.Id, a.DisplayName, a.Email,
            responders.Contains(a.Id) && !(a.LockoutEnd is { } end && end > now)));
    }
}
