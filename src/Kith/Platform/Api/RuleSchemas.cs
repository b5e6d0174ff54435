using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kith.Platform.Api;

/// <summary>
/// Writes the rules declared on a request's properties into its OpenAPI schema: required fields, enums from the
/// lists the app uses (<see cref="OneOfAttribute"/>), lengths (configured ones read from the live options), counts,
/// patterns and formats. <see cref="RequestRules"/> enforces the same attributes; nothing is copied by hand (ADR 23).
/// </summary>
internal sealed class RuleSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
            return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            var rules = property.AttributeProvider?.GetCustomAttributes(typeof(ValidationAttribute), inherit: true).Cast<ValidationAttribute>().ToList();
            if (rules is not { Count: > 0 } || !schema.Properties.TryGetValue(property.Name, out var found) || found is not OpenApiSchema field) continue;
            Apply(schema, property.Name, field, rules, context.ApplicationServices);
        }
        return Task.CompletedTask;
    }

    private static void Apply(OpenApiSchema parent, string name, OpenApiSchema field, List<ValidationAttribute> rules, IServiceProvider services)
    {
        var isList = field.Type?.HasFlag(JsonSchemaType.Array) == true;
        var isMap = !isList && field.Type?.HasFlag(JsonSchemaType.Object) == true;
        foreach (var rule in rules)
            switch (rule)
            {
                case RequiredAttribute:
                    (parent.Required ??= new HashSet<string>()).Add(name);
                    field.Type &= ~JsonSchemaType.Null; // required means a value, not null
                    if (isList) field.MinItems = Math.Max(field.MinItems ?? 0, 1);
                    else if (isMap) field.MinProperties = Math.Max(field.MinProperties ?? 0, 1);
                    else field.MinLength = Math.Max(field.MinLength ?? 0, 1);
                    break;
                case OneOfAttribute oneOf when isList && field.Items is OpenApiSchema items:
                    items.Enum = Codes(oneOf);
                    field.MaxItems = oneOf.Codes.Count; // each choice at most once
                    break;
                case OneOfAttribute oneOf when isMap:
                    field.PropertyNames = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Codes(oneOf) };
                    break;
                case OneOfAttribute oneOf:
                    field.Enum = Codes(oneOf);
                    field.Type &= ~JsonSchemaType.Null; // a code, or leave the field out
                    break;
                case MaxLengthAttribute max when isList: field.MaxItems = max.Length; break;
                case MinLengthAttribute min when isList: field.MinItems = min.Length; break;
                case MaxLengthAttribute max: field.MaxLength = max.Length; break;
                case MinLengthAttribute min: field.MinLength = min.Length; break;
                case StringLengthAttribute length:
                    field.MaxLength = length.MaximumLength;
                    if (length.MinimumLength > 0) field.MinLength = length.MinimumLength;
                    break;
                case MaxLengthFromOptionsAttribute configured: field.MaxLength = configured.Limit(services); break;
                case RegularExpressionAttribute regex: field.Pattern = regex.Pattern; break;
                case EmailAddressAttribute: field.Format = "email"; break;
                case UrlAttribute: field.Format = "uri"; break;
            }
    }

    private static List<JsonNode> Codes(OneOfAttribute oneOf) => oneOf.Codes.Select(c => (JsonNode)JsonValue.Create(c)!).ToList();
}
