namespace Kith.Referrals.Domain;

/// <summary>An enum's wire codes (FHIR's <c>in-progress</c>, the outcome list's <c>got-help</c>): both ways, exact, case-sensitive.</summary>
internal sealed class CodeList<T>(IReadOnlyDictionary<T, string> codes) where T : struct, Enum
{
    private readonly Dictionary<string, T> byCode = codes.ToDictionary(c => c.Value, c => c.Key, StringComparer.Ordinal);

    public IReadOnlyCollection<string> All { get; } = [.. codes.Values];

    public string Code(T value) => codes[value];

    public bool TryParse(string? code, out T value) => byCode.TryGetValue(code ?? "", out value);
}
