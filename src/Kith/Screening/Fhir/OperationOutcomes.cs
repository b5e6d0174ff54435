using System.Text.Json.Nodes;

namespace Kith.Screening.Fhir;

/// <summary>FHIR's error document: one issue per problem, each naming the item it is about.</summary>
internal static class OperationOutcomes
{
    public static JsonObject Of(IEnumerable<FhirProblem> problems, string severity = "error")
    {
        var issues = new JsonArray();
        foreach (var problem in problems)
        {
            var issue = new JsonObject { ["severity"] = severity, ["code"] = problem.Code, ["diagnostics"] = problem.Message };
            if (problem.Expression is not null) issue["expression"] = new JsonArray(problem.Expression);
            issues.Add(issue);
        }
        return new JsonObject { ["resourceType"] = "OperationOutcome", ["issue"] = issues };
    }

    public static FhirResult Error(int status, string message, string code = "invalid") =>
        new(Of([new FhirProblem(message, null, code)]), status);
}
