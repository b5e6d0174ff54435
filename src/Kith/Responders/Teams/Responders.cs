namespace Kith.Responders.Teams;

/// <summary>A staff member as the routing pages show them: id, name and email only.</summary>
public sealed record Person(string Id, string DisplayName, string? Email, bool Pageable);

/// <summary>
/// Staff who can take concerns: accounts with the responder or administrator role that are not locked. Reads
/// Community's staff directory (ADR 22) and keeps only id, display name and email — nothing else of the account.
/// </summary>
internal sealed class Responders(IStaffFacts staff)
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

    private async Task<IReadOnlyDictionary<string, Person>> ReadAsync(List<string>? ids, CancellationToken ct)
    {
        ids ??= [.. await staff.WithRoleAsync(Roles.Responder, ct), .. await staff.WithRoleAsync(Roles.Admin, ct)];
        var accounts = await staff.FindAsync(ids, ct);
        return accounts.Values.ToDictionary(a => a.Id, a => new Person(a.Id, a.DisplayName, a.Email,
            a.Active && (a.Roles.Contains(Roles.Responder) || a.Roles.Contains(Roles.Admin))));
    }
}
