namespace Kith.Platform.Web.Once;

/// <summary>
/// The <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header) as the APIs that take a write
/// once per key read it (ADR 26): one reading for every API, so a key a client may send to one it may send to all.
/// </summary>
internal static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The key as an sf-string (quoted) or bare, as most clients send it; null when it cannot be a key.</summary>
    /// <param name="minLength">More than one where the key guards a secret answer, so a lazy "1" cannot be guessed.</param>
    public static string? Parse(string header, int minLength = 1)
    {
        var key = header.Length >= 2 && header[0] == '"' && header[^1] == '"' ? header[1..^1] : header;
        return key.Length >= minLength && key.Length <= MaxLength && key.All(c => c is >= ' ' and <= '~' && c is not '"' and not '\\') ? key : null;
    }

    /// <summary>States in the OpenAPI document what the header does on this operation (the handler takes it as a [FromHeader] parameter).</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder endpoint, string description) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == Header) is Microsoft.OpenApi.OpenApiParameter key)
            {
                key.Description = "(draft-ietf-httpapi-idempotency-key-header) " + description;
                if (key.Schema is Microsoft.OpenApi.OpenApiSchema schema) schema.MaxLength = MaxLength + 2; // quotes allowed
            }
            return Task.CompletedTask;
        });
}
