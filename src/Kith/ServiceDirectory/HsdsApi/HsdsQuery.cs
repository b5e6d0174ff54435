using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary>
/// Reads the HSDS query parameters, which arrive as text so that a bad value gets a 400 problem naming
/// the parameter (not the framework's bare binding failure). Collects every problem before answering.
/// </summary>
internal sealed class HsdsQuery(IStringLocalizer<SharedResource> T)
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 1000;
    public const int MaxPage = 1_000_000;
    public const int MaxText = 200;

    private readonly Dictionary<string, string[]> errors = [];

    public bool HasErrors => errors.Count > 0;

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(errors, title: T["A query parameter is not valid."], detail: errors.First().Value[0]);

    public (int Page, int PerPage, bool Ndjson) Paging(string? page, string? perPage, string? format) =>
        (Int("page", page, 1, 1, MaxPage), Int("per_page", perPage, DefaultPerPage, 1, MaxPerPage), Ndjson(format));

    public int Int(string name, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Fail(name, T["{0} must be a whole number from {1} to {2}.", name, min, max]);
        return fallback;
    }

    public bool Bool(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        if (bool.TryParse(value, out var b)) return b;
        if (value is "1" or "0") return value == "1";
        Fail(name, T["{0} must be true or false.", name]);
        return false;
    }

    /// <summary>Free text or an id: trimmed, empty as absent; refused when long or holding control characters (PostgreSQL rejects NUL).</summary>
    public string? Text(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (value.Length > MaxText) Fail(name, T["{0} must be at most {1} characters.", name, MaxText]);
        else if (value.Any(char.IsControl) || value.Any(char.IsSurrogate)) Fail(name, T["{0} contains characters that are not allowed.", name]);
        else return value;
        return null;
    }

    /// <summary>An ISO 8601 date-time (a bare date means midnight UTC), as UTC.</summary>
    public DateTime? Moment(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length <= 40 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
            return moment.UtcDateTime;
        Fail(name, T["{0} must be a date and time, e.g. 2025-05-01T09:00:00Z.", name]);
        return null;
    }

    public bool Ndjson(string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || format == "json") return false;
        if (format == "ndjson") return true;
        Fail("format", T["{0} must be json or ndjson.", "format"]);
        return false;
    }

    public void Fail(string name, string message) => errors[name] = [message];
}
