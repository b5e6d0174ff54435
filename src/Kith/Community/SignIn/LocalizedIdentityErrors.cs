using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Kith.Community.SignIn;

/// <summary>
/// Identity's error texts in the person's language: its own describer only speaks English. Only the
/// errors our password and account rules can produce are worded here; the rest keep Identity's text.
/// </summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> T) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), T["Use at least {0} characters.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), T["Use at least {0} different characters.", uniqueChars]);

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), T["The current password is not right."]);

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), T["There is already an account with that email address."]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), T["There is already an account with that email address."]);

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), T["Enter a valid email address."]);

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), T["Enter a valid email address."]);

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), T["Someone else changed this account at the same time. Reload the page and try again."]);

    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), T["Something went wrong"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
