using Hl7.Fhir.Model;

namespace Kith.Platform.Fhir;

/// <summary>One problem with a request; <see cref="Expression"/> names the element or item it is about, where there is one.</summary>
internal sealed record FhirProblem(string Message, string? Expression = null, OperationOutcome.IssueType Code = OperationOutcome.IssueType.Invalid);

/// <summary>FHIR's error document, for every module that speaks FHIR: one issue per problem, each naming what it is about.</summary>
internal static class OperationOutcomes
{
    public static OperationOutcome Of(IEnumerable<FhirProblem> problems, OperationOutcome.IssueSeverity severity = OperationOutcome.IssueSeverity.Error)
    {
        var outcome = new OperationOutcome();
        foreach (var problem in problems)
        {
            var issue = new OperationOutcome.IssueComponent { Severity = severity, Code = problem.Code, Diagnostics = problem.Message };
            if (problem.Expression is not null) issue.Expression = [problem.Expression];
            outcome.Issue.Add(issue);
        }
        return outcome;
    }

    public static FhirResult Error(int status, string message, OperationOutcome.IssueType code = OperationOutcome.IssueType.Invalid) =>
        new(Of([new FhirProblem(message, null, code)]), status);
}
