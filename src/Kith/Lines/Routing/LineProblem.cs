namespace Kith.Lines.Routing;

/// <summary>A refused routing, transfer, switchboard or flag change as problem details: 400 names the field, the rest say why.</summary>
internal static class LineProblem
{
    public static IResult Of(int status, string? field, string? message) => status == StatusCodes.Status400BadRequest
        ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field ?? ""] = [message ?? "Invalid."] })
        : TypedResults.Problem(statusCode: status, title: status switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status403Forbidden => "Not allowed",
            _ => "Conflict",
        }, detail: message);
}
