using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Task = System.Threading.Tasks.Task;

namespace Kith.Tests.Platform.Fhir;

/// <summary>
/// The Firely validator, in-process, against the R4 specification (Hl7.Fhir.Specification.Data.R4): structure,
/// cardinality, datatypes, required bindings and the specification's invariants. Loading the specification
/// takes many seconds, so one validator serves the whole test run.
/// </summary>
internal static class FhirValidator
{
    private static readonly Lazy<Validator> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly JsonSerializerOptions Strict = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static readonly Lock Gate = new();
    private static long validatedTicks;
    private static int validated;

    /// <summary>How long loading the specification took, and how long validating has taken so far in this run.</summary>
    public static string Timing =>
        $"validator loaded in {LoadTime.TotalSeconds:0.0} s; {validated} resources validated in {TimeSpan.FromTicks(Interlocked.Read(ref validatedTicks)).TotalSeconds:0.0} s";

    public static TimeSpan LoadTime { get; private set; }

    private static Validator Load()
    {
        var watch = Stopwatch.StartNew();
        var specification = new CachedResolver(ZipSource.CreateValidationSource());
        var validator = new Validator(specification.AsAsync(), LocalTerminologyService.CreateDefaultForCore(specification.AsAsync()));
        // The first validation reads the core profiles: counted as loading, not as validating.
        validator.Validate(new OperationOutcome { Issue = [new() { Severity = OperationOutcome.IssueSeverity.Information, Code = OperationOutcome.IssueType.Informational }] });
        LoadTime = watch.Elapsed;
        return validator;
    }

    /// <summary>Asserts every resource reads as FHIR R4 JSON and validates without errors, showing every error when not.</summary>
    public static Task AssertValidAsync(params JsonNode[] resources)
    {
        var errors = new List<string>();
        foreach (var (node, index) in resources.Select((r, i) => (r, i)))
            errors.AddRange(Errors(node).Select(e => $"resource {index} ({(string?)node["resourceType"]} {(string?)node["id"]}): {e}"));
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        return Task.CompletedTask;
    }

    public static IReadOnlyList<string> Errors(JsonNode node)
    {
        var validator = Shared.Value;
        Resource resource;
        try
        {
            resource = node.Deserialize<Resource>(Strict)!;
        }
        catch (DeserializationFailedException failed)
        {
            return failed.Exceptions.Select(e => "not FHIR R4 JSON: " + e.Message).ToList();
        }
        var watch = Stopwatch.StartNew();
        OperationOutcome outcome;
        // One validation at a time: test classes run in parallel, and the work is CPU-bound anyway.
        lock (Gate) outcome = validator.Validate(resource);
        Interlocked.Add(ref validatedTicks, watch.Elapsed.Ticks);
        Interlocked.Increment(ref validated);
        return outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(", ", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
    }
}
