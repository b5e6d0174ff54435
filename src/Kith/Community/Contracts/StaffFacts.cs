namespace Kith.Community.Contracts;

/// <summary>
/// A staff account as other modules may know it: how to name and reach the person, what they may do, which
/// organisations they belong to. <paramref name="Active"/> is false while the account is locked.
/// </summary>
internal sealed record StaffFact(
    string Id, string DisplayName, string? Email, string? PhoneNumber, bool Active,
    IReadOnlyList<string> Roles, IReadOnlyList<Guid> Organisations);

/// <summary>
/// The staff directory other modules read instead of Identity's tables (ADR 0022): Community owns the
/// accounts, so how they are stored can change without touching Concerns, Responders or Screening.
/// </summary>
internal interface IStaffFacts
{
    /// <summary>The accounts among <paramref name="ids"/> that exist, by id (unknown ids are simply absent).</summary>
    Task<IReadOnlyDictionary<string, StaffFact>> FindAsync(IEnumerable<string> ids, CancellationToken ct);

    /// <summary>The account with this sign-in email, if any.</summary>
    Task<StaffFact?> FindByEmailAsync(string email, CancellationToken ct);

    /// <summary>The ids of every account holding the role (locked ones included: the caller decides).</summary>
    Task<IReadOnlyList<string>> WithRoleAsync(string role, CancellationToken ct);

    Task<bool> HasRoleAsync(string userId, string role, CancellationToken ct);
}
