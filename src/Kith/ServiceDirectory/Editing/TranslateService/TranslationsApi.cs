using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.ServiceDirectory.Editing.TranslateService;

/// <summary>
/// Texts to translate into a language, keyed as the sheet names them (<c>description</c>, <c>organization.description</c>,
/// <c>schedule.{id}.notes</c>); an empty text removes a translation. <c>Current</c> lists keys whose translation still
/// matches a changed original.
/// </summary>
internal sealed record TranslationRequest(Dictionary<string, string?>? Texts, string[]? Current);

internal sealed record TranslatedText(string Key, string? Original, string? Translation, bool Stale);

internal sealed record TranslationsResponse(string ServiceId, string Language, IReadOnlyList<TranslatedText> Texts);

/// <summary>
/// <c>GET|PUT /api/directory/services/{id}/translations/{language}</c>: the translation sheet of a service as JSON, for a
/// translator's tool. Same rules and transaction as the editor page; JSON with the staff cookie needs no antiforgery
/// token, like the other staff APIs (a cross-site page cannot send a JSON PUT without a CORS preflight).
/// </summary>
internal static class TranslationsApi
{
    public static IEndpointRouteBuilder MapTranslationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/directory/services").RequireAuthorization(StaffPolicies.Coordinator).WithTags("Directory");
        group.MapGet("/{id}/translations/{language}", GetAsync).WithName("GetServiceTranslations")
            .WithSummary("A service's texts beside their translation into a language, with which translations are out of date.");
        group.MapPut("/{id}/translations/{language}", PutAsync).WithName("UpdateServiceTranslations")
            .WithSummary("Sets translations of a service's texts (admins, or coordinators of the owning organisation).");
        return app;
    }

    private static async Task<Results<Ok<TranslationsResponse>, ValidationProblem, ProblemHttpResult, NotFound>> GetAsync(
        string id, string language, ServiceOwnership ownership, TranslationSheet sheet, HttpContext http)
    {
        var access = await ownership.CheckAsync(http.User, id, http.RequestAborted);
        if (access != Ownership.Allowed) return Refused(access);
        var tag = Domain.Translatable.NormaliseLanguage(language);
        if (tag is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = ["Use a language code Kith knows: ISO 639-1 or 639-3, optionally with a region, e.g. es, so, hmn or es-MX."] });
        return TypedResults.Ok(Describe(id, tag, await sheet.ReadAsync(id, tag, http.RequestAborted)));
    }

    private static async Task<Results<Ok<TranslationsResponse>, ValidationProblem, ProblemHttpResult, NotFound>> PutAsync(
        string id, string language, TranslationRequest request, TranslationEditor editor, TranslationSheet sheet, HttpContext http)
    {
        var texts = (request.Texts ?? []).ToDictionary(t => t.Key, t => t.Value ?? "");
        var result = await editor.SaveAsync(id, language, texts, (request.Current ?? []).ToHashSet(), http.User, http.RequestAborted);
        if (result.Access != Ownership.Allowed) return Refused(result.Access);
        if (result.Errors.Count > 0) return TypedResults.ValidationProblem(result.Errors);
        var tag = Domain.Translatable.NormaliseLanguage(language)!;
        return TypedResults.Ok(Describe(id, tag, await sheet.ReadAsync(id, tag, http.RequestAborted)));
    }

    private static Results<Ok<TranslationsResponse>, ValidationProblem, ProblemHttpResult, NotFound> Refused(Ownership access) =>
        access == Ownership.NotFound
            ? TypedResults.NotFound()
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "Only an administrator or a coordinator of the organisation that runs this service can change it.");

    private static TranslationsResponse Describe(string id, string language, IReadOnlyList<TranslationLine> lines) =>
        new(id, language, lines.Select(l => new TranslatedText(l.Key, l.Original, l.Translation?.Value, l.Stale)).ToList());
}
