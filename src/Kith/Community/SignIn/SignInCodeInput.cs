using System.ComponentModel.DataAnnotations;

namespace Kith.Community.SignIn;

public sealed class SignInCodeInput
{
    [Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code.")]
    [StringLength(40, ErrorMessage = "Enter the code from your authenticator app, or a recovery code.")]
    public string Code { get; set; } = "";
}
