using System.ComponentModel.DataAnnotations;

namespace Kith.Community.SignIn;

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(200)]
    public string Password { get; set; } = "";
}
