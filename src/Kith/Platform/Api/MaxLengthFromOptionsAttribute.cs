using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Kith.Platform.Api;

/// <summary>
/// A length limit a deployment configures (e.g. <c>Kith:Concerns:MaxTextLength</c>): the request check and the
/// OpenAPI document both read the live options, so the document says what this deployment accepts.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class MaxLengthFromOptionsAttribute(Type options, string property) : ValidationAttribute("That is too long.")
{
    public int Limit(IServiceProvider services)
    {
        var holder = services.GetService(typeof(IOptions<>).MakeGenericType(options))
            ?? throw new InvalidOperationException($"{options.Name} is not registered.");
        var value = holder.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(holder)!;
        return (int)options.GetProperty(property)!.GetValue(value)!;
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is string text && text.Length > Limit(context) ? new ValidationResult(ErrorMessage, [context.MemberName!]) : ValidationResult.Success;
}
