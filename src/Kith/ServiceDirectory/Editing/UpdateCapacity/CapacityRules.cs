using System.Globalization;

namespace Kith.ServiceDirectory.Editing.UpdateCapacity;

/// <summary>What makes a capacity figure believable: a unit, whole non-negative numbers, never more free than there are.</summary>
internal static class CapacityRules
{
    public const decimal Largest = 100_000;

    /// <summary>
    /// Checks text from a form or numbers from JSON (as invariant text). With <paramref name="optional"/>, all three empty
    /// means "no capacity figure". The parsed numbers come back when valid.
    /// </summary>
    public static Dictionary<string, string[]> Validate(string? unit, string? available, string? maximum, bool optional,
        out decimal? availableValue, out decimal? maximumValue)
    {
        var errors = new Dictionary<string, string[]>();
        unit = unit?.Trim() ?? "";
        available = available?.Trim() ?? "";
        maximum = maximum?.Trim() ?? "";
        availableValue = Count(available);
        maximumValue = Count(maximum);
        if (optional && unit.Length == 0 && available.Length == 0 && maximum.Length == 0) return errors;
        if (unit.Length == 0) errors["unit"] = ["Say what is counted, e.g. beds or appointments."];
        else if (unit.Length > 100) errors["unit"] = ["The unit can be at most 100 characters."];
        if (availableValue is null) errors["available"] = ["Available must be a whole number from 0 to 100000."];
        if (maximum.Length > 0 && maximumValue is null) errors["maximum"] = ["Maximum must be a whole number from 0 to 100000, or left empty."];
        else if (availableValue is not null && maximumValue is not null && availableValue > maximumValue)
            errors["maximum"] = ["Available cannot be more than the maximum."];
        return errors;
    }

    private static decimal? Count(string text) =>
        decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= Largest ? n : null;
}
