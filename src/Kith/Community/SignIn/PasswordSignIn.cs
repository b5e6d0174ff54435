using Kith.Community.Domain;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Kith.Community.SignIn;

internal enum PasswordOutcome { SignedIn, NeedsCode, Refused }

/// <summary>
/// Checks an email and password so that the answer and the work behind it are the same whether the account
/// is unknown, the password wrong, the client made to wait or the account locked by an administrator: each
/// of those hashes the typed password against a stand-in hash, as a real check does, and all are "Refused".
/// Wrong passwords never lock the account (anyone could lock the owner out); <see cref="SignInThrottle"/> slows
/// the client that guesses instead.
/// </summary>
internal sealed class PasswordSignIn(
    SignInManager<StaffUser> signIn, UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher, SignInThrottle throttle)
{
    // A hash made once by this deployment's hasher, so verifying against it costs what a real check costs.
    private static string? standIn;
    private static readonly StaffUser Nobody = new() { DisplayName = "" };

    /// <summary>The outcome, the account if the email is known, and a label for the audit log and metrics (never shown).</summary>
    public async Task<(PasswordOutcome Outcome, StaffUser? User, string Label)> SignInAsync(string email, string password, string client)
    {
        var account = email.Trim().ToUpperInvariant();
        var user = await users.FindByEmailAsync(email.Trim());
        var waiting = throttle.MustWait(account, client);
        var locked = user is not null && await users.IsLockedOutAsync(user);
        if (user is null || waiting || locked)
        {
            standIn ??= hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
            hasher.VerifyHashedPassword(Nobody, standIn, password);
            if (waiting) return (PasswordOutcome.Refused, user, "throttled");
            if (locked) return (PasswordOutcome.Refused, user, "locked-out");
            throttle.Failed(account, client); // unknown emails slow down the same way as known ones
            return (PasswordOutcome.Refused, null, "failed");
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(account, client);
            return result.Succeeded ? (PasswordOutcome.SignedIn, user, "succeeded") : (PasswordOutcome.NeedsCode, user, "needs-code");
        }
        throttle.Failed(account, client);
        return (PasswordOutcome.Refused, user, "failed");
    }
}
