using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Kith.Community.Contracts;
using Kith.Platform.Fhir;
using Kith.Screening.Domain;
using Kith.Screening.Identified;
using Kith.Screening.Instruments;
using Kith.Screening.Responses;
using Kith.Screening.Scoring;
using Microsoft.AspNetCore.Authorization;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Kith.Screening.Fhir;

/// <summary>
/// FHIR R4: every instrument as a Questionnaire, scoring of a QuestionnaireResponse a partner system sends,
/// and identified responses read back by staff. Errors are OperationOutcomes with a 4xx status.
/// </summary>
internal static class FhirEndpoints
{
    public static void MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").WithTags("FHIR R4").DisableAntiforgery();
        fhir.MapGet("/Questionnaire", ListQuestionnaires).AllowAnonymous();
        fhir.MapGet("/Questionnaire/{id}", ReadQuestionnaire).AllowAnonymous();
        fhir.MapPost("/QuestionnaireResponse", ScoreResponse).AllowAnonymous();
        // Authorization is checked in the handler so that refusals are OperationOutcomes, not a sign-in page.
        fhir.MapGet("/QuestionnaireResponse/{id}", ReadResponse).AllowAnonymous();
    }

    private static FhirResult ListQuestionnaires(CanonicalBase canonical, InstrumentLibrary library)
    {
        var fhirBase = canonical.Url;
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = library.All.Count };
        bundle.Link.Add(new() { Relation = "self", Url = fhirBase + "/Questionnaire" });
        foreach (var instrument in library.All)
            bundle.Entry.Add(new()
            {
                FullUrl = FhirCodes.Canonical(fhirBase, instrument),
                Resource = QuestionnaireResource.Build(fhirBase, instrument),
                Search = new() { Mode = Bundle.SearchEntryMode.Match },
            });
        return new(bundle);
    }

    private static FhirResult ReadQuestionnaire(string id, CanonicalBase canonical, InstrumentLibrary library) =>
        library.Find(id) is { } instrument && instrument.Id == id
            ? new(QuestionnaireResource.Build(canonical.Url, instrument))
            : OperationOutcomes.Error(404, $"There is no Questionnaire '{id}'.", IssueType.NotFound);

    private static async Task<FhirResult> ScoreResponse(HttpContext http, CanonicalBase canonical, InstrumentLibrary library, RecordResponse record, RecordingTeam teams,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var contentType = http.Request.ContentType ?? "";
        if (!contentType.StartsWith(FhirResult.MediaType, StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return OperationOutcomes.Error(415, "Send the QuestionnaireResponse as application/fhir+json.", IssueType.NotSupported);
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return OperationOutcomes.Error(400, "The body is not valid JSON.", IssueType.Structure);
        }
        var fhirBase = canonical.Url;
        var (posted, problems) = PostedResponse.Read(body, library, fhirBase);
        if (posted is null) return new(OperationOutcomes.Of(problems), PostedResponse.IsBadRequest(problems) ? 400 : 422);

        var identified = posted.Subject is not null && http.User.Identity?.IsAuthenticated == true;
        if (identified && !await IsResponderAsync(http.User, authorization))
            return OperationOutcomes.Error(403, "Only responders and administrators may record a response for a named person.", IssueType.Forbidden);
        // The team recording it is who reads it back: ?team= names it for someone on several.
        var team = identified ? await teams.ChooseAsync(http.User, http.Request.Query["team"].ToString(), ct) : null;
        if (team is { Refused: true })
            return new(OperationOutcomes.Of(team.Problems[RecordingTeam.Field].Select(m => new FhirProblem(m, "team", IssueType.BusinessRule))), 422);

        ScoredResponse scored;
        RecordedResponse? recorded = null;
        if (identified)
        {
            var context = new ResponseContext(ResponseChannels.Fhir, posted.Language, Subject: posted.Subject,
                RecordedBy: http.User.FindFirstValue(ClaimTypes.NameIdentifier), TeamId: team!.TeamId);
            recorded = await record.RecordAsync(posted.Instrument, posted.Answers, context, ct);
            scored = recorded.Scored;
        }
        else
        {
            // Anonymous callers: scored and answered, nothing stored, nothing raised.
            scored = InstrumentScoring.Score(posted.Instrument, posted.Answers);
        }

        if (!scored.Complete) return new(Incomplete(scored, recorded), 422);
        var response = PostedResponse.AsResource(body!);
        StoredResponseResource.From(scored).WriteInto(response, fhirBase, posted.Instrument);
        if (recorded?.ResponseId is not { } id) return new(response);
        response.Id = id.ToString();
        // Where to read it: a path on this server (not an identity, and never built from the Host header).
        return new(response, StatusCodes.Status200OK, $"{http.Request.PathBase}/fhir/QuestionnaireResponse/{id}");
    }

    /// <summary>Missing items are listed; a critical answer is never lost because the rest was not finished.</summary>
    private static OperationOutcome Incomplete(ScoredResponse scored, RecordedResponse? recorded)
    {
        var problems = new List<FhirProblem>
        {
            new($"The response is incomplete, so it is not scored: item(s) {string.Join(", ", scored.Missing)} of {scored.Instrument.Name} are required and not answered.", null, IssueType.Incomplete),
        };
        problems.AddRange(scored.Missing.Select(id => new FhirProblem($"Item '{id}' is required and not answered.", id, IssueType.Required)));
        foreach (var rule in scored.Critical)
            problems.Add(new($"Critical answer: {rule.Title.In("en")} ({rule.Action}). Show crisis options now; {rule.Source}", rule.When.Item, IssueType.BusinessRule));
        if (recorded?.Concern is { } concern)
            problems.Add(new($"A concern was raised for follow-up at the {concern.Tier} tier: {concern.Reference}.", null, IssueType.Informational));
        return OperationOutcomes.Of(problems);
    }

    private static async Task<FhirResult> ReadResponse(string id, HttpContext http, CanonicalBase canonical, IAuthorizationService authorization,
        IdentifiedResponses responses, InstrumentLibrary library, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated != true) return OperationOutcomes.Error(401, "Sign in as a responder or administrator.", IssueType.Login);
        if (!await IsResponderAsync(http.User, authorization))
            return OperationOutcomes.Error(403, "Only responders and administrators may read identified responses.", IssueType.Forbidden);
        var stored = Guid.TryParse(id, out var guid) ? await responses.ReadAsync(http.User, guid, "fhir", ct) : null;
        // Anonymous responses, and those of other teams, are answered exactly like ids that do not exist.
        if (stored is null || library.Find(stored.InstrumentId) is not { } instrument)
            return OperationOutcomes.Error(404, $"There is no QuestionnaireResponse '{id}'.", IssueType.NotFound);
        return new(StoredResponseResource.Build(canonical.Url, instrument, stored));
    }

    /// <summary>A responder or administrator whose account is in order (a temporary password opens nothing).</summary>
    private static async Task<bool> IsResponderAsync(ClaimsPrincipal user, IAuthorizationService authorization) =>
        (await authorization.AuthorizeAsync(user, StaffPolicies.Responder)).Succeeded && !user.HasClaim(StaffClaims.MustChangePassword, "true");
}
