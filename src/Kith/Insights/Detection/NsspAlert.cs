using MathNet.Numerics.Distributions;

namespace Kith.Insights.Detection;

/// <summary>Rnssp's colours and the rounded t quantiles its sigma floors are built from.</summary>
internal static class NsspAlert
{
    public const string Red = "red", Yellow = "yellow", Blue = "blue";

    /// <summary>red under the red cut-off, yellow under the yellow one, blue otherwise (Rnssp's case_when).</summary>
    public static string Colour(double p, NsspOptions o) => p < o.Red ? Red : p < o.Yellow ? Yellow : Blue;

    /// <summary>R's <c>round(qt(probability, df), 5)</c>: Rnssp rounds the quantiles it scales its floors by.</summary>
    public static double RoundedQuantile(double probability, int df) => Math.Round(StudentT.InvCDF(0, 1, df, probability), 5, MidpointRounding.ToEven);
}
