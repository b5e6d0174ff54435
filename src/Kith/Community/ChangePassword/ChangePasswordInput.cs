using System.ComponentModel.DataAnnotations;

namespace Kith.Community.ChangePassword;

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(200)]
    public string Current { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Use at least 12 characters.")]
    public string New { get; set; } = "";

    [Required(ErrorMessage = "Type the new password again.")]
    [Compare(nameof(New), ErrorMessage = "The two new passwords do not match.")]
    public string Confirm { get; set; } = "";
}
