using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kith.Platform.Api;

/// <summary>
/// Gives every JSON request and response in the document an example built from its schema (after
/// <see cref="RuleSchemas"/>): a request example holds the required fields with the first allowed code and
/// lengths within limits, so a partner can send it as it stands; a response example shows every field.
/// </summary>
internal sealed class ExampleBodies : IOpenApiDocumentTransformer
{
    private const int Depth = 6;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var (type, media) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
                if (type.EndsWith("json", StringComparison.Ordinal) && media.Example is null && media.Schema is not null)
                    media.Example = Build(document, media.Schema, requiredOnly: true, Depth);
            foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                foreach (var (type, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
                    if (type.EndsWith("json", StringComparison.Ordinal) && media.Example is null && media.Schema is not null)
                        media.Example = Build(document, media.Schema, requiredOnly: false, Depth);
        }
        return Task.CompletedTask;
    }

    private static JsonNode? Build(OpenApiDocument document, IOpenApiSchema schema, bool requiredOnly, int depth)
    {
        if (Resolve(document, schema) is not { } s || depth == 0) return null;
        if (s.OneOf is { Count: > 0 } choices)
            return choices.Select(c => Build(document, c, requiredOnly, depth)).FirstOrDefault(n => n is not null);
        if (s.Enum is { Count: > 0 } codes) return codes[0]?.DeepClone();
        var type = s.Type ?? JsonSchemaType.Object;
        if (type.HasFlag(JsonSchemaType.Array))
        {
            var item = s.Items is null ? null : Build(document, s.Items, requiredOnly, depth - 1);
            return new JsonArray(Enumerable.Range(0, Math.Max(1, s.MinItems ?? 1)).Select(_ => item?.DeepClone()).ToArray());
        }
        if (type.HasFlag(JsonSchemaType.Object))
        {
            var body = new JsonObject();
            var properties = s.Properties ?? new Dictionary<string, IOpenApiSchema>();
            // Required fields only, unless nothing is required: then an example with nothing in it would show nothing.
            var shown = requiredOnly && s.Required is { Count: > 0 } ? properties.Where(p => s.Required.Contains(p.Key)) : properties;
            foreach (var (name, property) in shown)
                body[name] = Build(document, property, requiredOnly, depth - 1);
            if (body.Count == 0 && s.AdditionalProperties is { } values)
            {
                var key = (s as OpenApiSchema)?.PropertyNames?.Enum?.FirstOrDefault()?.GetValue<string>() ?? "key";
                body[key] = Build(document, values, requiredOnly, depth - 1);
            }
            return body;
        }
        if (type.HasFlag(JsonSchemaType.Boolean)) return JsonValue.Create(true);
        if (type.HasFlag(JsonSchemaType.Integer)) return JsonValue.Create(1);
        if (type.HasFlag(JsonSchemaType.Number)) return JsonValue.Create(1.5);
        if (type.HasFlag(JsonSchemaType.String)) return JsonValue.Create(Text(s));
        return null;
    }

    private static string Text(IOpenApiSchema s) => s.Format switch
    {
        "uuid" => "0193a5b2-7c4d-7e1f-9a2b-3c4d5e6f7a8b",
        "date-time" => "2026-01-05T09:30:00Z",
        "date" => "2026-01-05",
        "email" => "name@example.org",
        "uri" => "https://example.org/",
        _ => "example".PadRight(s.MinLength ?? 0, 'x')[..Math.Min(Math.Max(7, s.MinLength ?? 0), s.MaxLength ?? int.MaxValue)],
    };

    private static IOpenApiSchema? Resolve(OpenApiDocument document, IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference
            ? reference.Reference.Id is { } id && document.Components?.Schemas?.TryGetValue(id, out var target) == true ? target : null
            : schema;
}
