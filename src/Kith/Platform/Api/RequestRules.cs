using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Kith.Platform.Api;

/// <summary>
/// Checks a request against the rules declared on its properties — the same attributes the OpenAPI document is
/// built from (<see cref="RuleSchemas"/>), so what the document promises and what the API accepts cannot drift.
/// Errors are keyed by the JSON field name. An optional field sent empty counts as not sent (forms post "").
/// </summary>
internal static class RequestRules
{
    public static Dictionary<string, string[]> Check(object request, IServiceProvider services, Dictionary<string, string[]>? errors = null)
    {
        errors ??= [];
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var rules = property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToList();
            if (rules.Count == 0) continue;
            var field = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (errors.ContainsKey(field)) continue; // one message per field: the first problem found
            var value = property.GetValue(request);
            var context = new ValidationContext(request, services, null) { MemberName = property.Name };
            var required = rules.OfType<RequiredAttribute>().FirstOrDefault();
            if (Missing(value))
            {
                if (required is not null) errors[field] = [required.FormatErrorMessage(field)];
                continue;
            }
            foreach (var rule in rules.Where(r => r is not RequiredAttribute))
                if (rule.GetValidationResult(value, context) is { } failed && failed != ValidationResult.Success)
                {
                    errors[field] = [failed.ErrorMessage ?? rule.FormatErrorMessage(field)];
                    break;
                }
        }
        return errors;
    }

    private static bool Missing(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        System.Collections.ICollection { Count: 0 } => true,
        _ => false,
    };
}
