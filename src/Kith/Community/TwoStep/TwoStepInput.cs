using System.ComponentModel.DataAnnotations;

namespace Kith.Community.TwoStep;

public sealed class TwoStepCodeInput
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    public string Code { get; set; } = "";
}
