using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.SearchServices;

/// <summary>
/// Distances said in the deployment's unit (setting <c>Kith:DistanceUnit</c>: <c>mi</c> or <c>km</c>, default <c>km</c>;
/// Riverbend, in the US, says miles). Kith has no country setting to derive it from, so it is explicit. The API keeps
/// <c>distanceKm</c> for programs and adds the sentence in the deployment's unit.
/// </summary>
public sealed record DistanceUnit(bool Miles)
{
    private const double KmPerMile = 1.609344;

    internal static DistanceUnit From(IConfiguration configuration) =>
        new(string.Equals(configuration["Kith:DistanceUnit"]?.Trim(), "mi", StringComparison.OrdinalIgnoreCase));

    /// <summary>The distance in this unit, for scale bars and sentences.</summary>
    public double FromKm(double km) => Miles ? km / KmPerMile : km;

    public double ToKm(double value) => Miles ? value * KmPerMile : value;

    public string Away(double km, IStringLocalizer T) =>
        Miles ? T["{0} mi away", Number(FromKm(km))] : T["{0} km away", Number(km)];

    public string Short(double value, IStringLocalizer T) => Miles ? T["{0} mi", Number(value)] : T["{0} km", Number(value)];

    private static string Number(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);
}
