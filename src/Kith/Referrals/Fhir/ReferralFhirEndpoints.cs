using System.Security.Claims;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Kith.Platform.Fhir;
using Kith.Referrals.Reading;
using Kith.Referrals.Steps;
using Kith.ServiceDirectory.Contracts;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;
using Task = Hl7.Fhir.Model.Task;

namespace Kith.Referrals.Fhir;

/// <summary>
/// Referrals in FHIR R4 for partner systems: <c>GET /fhir/Task/{id}</c> and <c>GET /fhir/ServiceRequest/{id}</c> (staff of
/// the two organisations and administrators, each read audited), and <c>PUT /fhir/Task/{id}</c>, through which a side
/// moves the referral as it would on the page: only status, statusReason and output may differ from the stored Task,
/// and the state machine and who-may-set-what are the same. Refusals are OperationOutcomes.
/// </summary>
internal static class ReferralFhirEndpoints
{
    public static IEndpointRouteBuilder MapReferralFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").WithTags("FHIR R4").DisableAntiforgery();
        // Authorization is checked in the handlers so that refusals are OperationOutcomes, not a sign-in page.
        fhir.MapGet("/Task/{id}", ReadTaskAsync).AllowAnonymous();
        fhir.MapGet("/ServiceRequest/{id}", ReadRequestAsync).AllowAnonymous();
        fhir.MapPut("/Task/{id}", UpdateTaskAsync).AllowAnonymous();
        return app;
    }

    private static async Task<FhirResult> ReadTaskAsync(string id, HttpContext http, ReferralReader reader, Names names, CanonicalBase canonical, CancellationToken ct)
    {
        if (await ReadAsync(id, http, reader, ct) is not { } view) return Missing(http, "Task", id);
        var (_, from, to) = await names.OfAsync(view, ct);
        return new(ReferralResources.TaskOf(view, from, to, canonical.Url));
    }

    private static async Task<FhirResult> ReadRequestAsync(string id, HttpContext http, ReferralReader reader, Names names, CancellationToken ct)
    {
        if (await ReadAsync(id, http, reader, ct) is not { } view) return Missing(http, "ServiceRequest", id);
        var (service, from, to) = await names.OfAsync(view, ct);
        return new(ReferralResources.RequestOf(view, service, from, to));
    }

    private static async Task<FhirResult> UpdateTaskAsync(string id, HttpContext http, ReferralReader reader, StepReferral step, Names names,
        CanonicalBase canonical, CancellationToken ct)
    {
        if (!IsStaff(http.User)) return OperationOutcomes.Error(401, "Sign in as staff to change a referral.", IssueType.Security);
        if (!Guid.TryParse(id, out var referralId)) return Missing(http, "Task", id);
        var contentType = http.Request.ContentType ?? "";
        if (!contentType.StartsWith(FhirResult.MediaType, StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return OperationOutcomes.Error(415, "Send the Task as application/fhir+json.", IssueType.NotSupported);
        Task posted;
        try
        {
            posted = await JsonSerializer.DeserializeAsync<Task>(http.Request.Body, FhirResult.Json, ct)
                ?? throw new JsonException("empty body");
        }
        catch (Exception e) when (e is JsonException or DeserializationFailedException or FormatException)
        {
            return OperationOutcomes.Error(400, "The body is not a FHIR R4 Task in JSON.", IssueType.Structure);
        }
        if (posted.Id != id) return OperationOutcomes.Error(400, "The Task's id must be the id in the address.", IssueType.Invalid);
        if (await reader.ReadAsync(referralId, http.User, ct) is not { } view) return Missing(http, "Task", id);
        var (_, from, to) = await names.OfAsync(view, ct);
        var stored = ReferralResources.TaskOf(view, from, to, canonical.Url);

        // The owner may change only status, statusReason and output (Gravity): anything else differing is refused.
        var changed = ChangedElements(stored, posted);
        if (changed.Count > 0)
            return new(OperationOutcomes.Of(changed.Select(e => new FhirProblem($"Only status, statusReason and output may change; {e} differs.", "Task." + e, IssueType.BusinessRule))), 422);
        var status = posted.Status is { } s ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(s) : null;
        var outcome = posted.Output.Select(o => (o.Value as CodeableConcept)?.Coding.FirstOrDefault(c => c.System == ReferralResources.OutcomeSystem(canonical.Url))?.Code)
            .FirstOrDefault(c => c is not null);
        if (status == view.Status) return new(stored); // nothing to do: the same Task back
        var result = await step.StepAsync(referralId, new StepReferralRequest(status, posted.StatusReason?.Text, outcome, null), http.User, ct);
        if (result.Status != StatusCodes.Status204NoContent)
            return new(OperationOutcomes.Of([new FhirProblem(result.Message ?? "Refused.", result.Field is null ? null : "Task." + FhirName(result.Field),
                result.Status switch { 403 => IssueType.Forbidden, 404 => IssueType.NotFound, 409 => IssueType.Conflict, _ => IssueType.BusinessRule })]),
                result.Status == StatusCodes.Status400BadRequest ? 422 : result.Status);
        var after = await reader.ReadAsync(referralId, http.User, ct);
        return new(ReferralResources.TaskOf(after!, from, to, canonical.Url));
    }

    private static string FhirName(string field) => field switch { "reason" => "statusReason", "outcome" => "output", _ => field };

    /// <summary>Top-level elements (other than status, statusReason, output and meta) whose JSON differs between the two Tasks.</summary>
    private static List<string> ChangedElements(Task stored, Task posted)
    {
        var a = JsonSerializer.SerializeToElement(stored, FhirResult.Json);
        var b = JsonSerializer.SerializeToElement(posted, FhirResult.Json);
        string[] free = ["status", "statusReason", "output", "meta", "text"];
        var names = a.EnumerateObject().Select(p => p.Name).Union(b.EnumerateObject().Select(p => p.Name)).Where(n => !free.Contains(n));
        return [.. names.Where(n => !Same(a, b, n)).Order()];

        static bool Same(JsonElement a, JsonElement b, string name) =>
            a.TryGetProperty(name, out var x) == b.TryGetProperty(name, out var y) && (x.ValueKind == JsonValueKind.Undefined || x.GetRawText() == y.GetRawText());
    }

    private static async Task<ReferralView?> ReadAsync(string id, HttpContext http, ReferralReader reader, CancellationToken ct) =>
        IsStaff(http.User) && Guid.TryParse(id, out var referralId) ? await reader.ReadAsync(referralId, http.User, ct) : null;

    private static bool IsStaff(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && Roles.All.Any(user.IsInRole);

    private static FhirResult Missing(HttpContext http, string type, string id) => IsStaff(http.User)
        ? OperationOutcomes.Error(404, $"There is no {type} '{id}' you may read.", IssueType.NotFound)
        : OperationOutcomes.Error(401, "Sign in as staff to read referrals.", IssueType.Security);

    /// <summary>The names a FHIR resource shows: the service, and the two organisations.</summary>
    internal sealed class Names(IDirectoryServices directory, ICommunityFacts community)
    {
        public async Task<(string Service, string From, string To)> OfAsync(ReferralView view, CancellationToken ct)
        {
            var service = (await directory.FindAsync([view.ServiceId], "en", ct)).SingleOrDefault()?.Name ?? view.ServiceId;
            var organisations = (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
            return (service, organisations.GetValueOrDefault(view.From, "Unknown organisation"), organisations.GetValueOrDefault(view.To, "Unknown organisation"));
        }
    }
}
