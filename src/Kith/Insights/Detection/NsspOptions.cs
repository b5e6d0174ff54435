namespace Kith.Insights.Detection;

/// <summary>
/// The options of Rnssp's daily detectors, named as Rnssp's arguments: <c>B</c> (baseline days), <c>g</c> (guard band),
/// <c>w1</c> and <c>w2</c> (the EWMA's slow and fast smoothing). Rnssp fixes the rest in its code, and so do our
/// defaults: <c>red</c> and <c>yellow</c> are the p-value cut-offs of an alert (0.01) and a warning (0.05), and
/// <c>r2_threshold</c> the adjusted R² from which the switch trusts the regression (0.60).
/// </summary>
internal sealed record NsspOptions(int B = 28, int G = 2, double W1 = 0.4, double W2 = 0.9, double Red = 0.01, double Yellow = 0.05, double R2Threshold = 0.60)
{
    public const string Names = "B, g, w1, w2, red, yellow, r2_threshold";

    public static NsspOptions Parse(IEnumerable<string> options)
    {
        var result = new NsspOptions();
        foreach (var (name, value) in DetectCommand.Pairs(options))
            result = name switch
            {
                "B" => result with { B = DetectCommand.Integer(name, value) },
                "g" => result with { G = DetectCommand.Integer(name, value) },
                "w1" => result with { W1 = DetectCommand.Real(name, value) },
                "w2" => result with { W2 = DetectCommand.Real(name, value) },
                "red" => result with { Red = DetectCommand.Real(name, value) },
                "yellow" => result with { Yellow = DetectCommand.Real(name, value) },
                "r2_threshold" => result with { R2Threshold = DetectCommand.Real(name, value) },
                _ => throw new DetectionException($"The NSSP methods have no option '{name}'. Options: {Names}."),
            };
        return result;
    }

    /// <summary>Rnssp's own refusals (B under 7, a negative g, too little history), and ours where its code would break.</summary>
    public void Check(string method, int length)
    {
        if (B < 7) throw new DetectionException($"B (the baseline) must be at least 7 days, not {B}.");
        if (method != "ewma" && B % 7 != 0) throw new DetectionException($"B must be a multiple of 7 for {method} (whole weeks for the day-of-week terms), not {B}.");
        // Rnssp's regression starts from an 11-day baseline and breaks (its design matrix has mismatched rows) when B is 7.
        if (method != "ewma" && B < 14) throw new DetectionException($"B must be at least 14 for {method}: the regression's first baseline is 11 days.");
        if (G < 0) throw new DetectionException($"g (the guard band) cannot be negative, not {G}.");
        if (W1 is <= 0 or > 1 || W2 is <= 0 or > 1) throw new DetectionException("w1 and w2 must be above 0 and at most 1.");
        if (Red is <= 0 or >= 1 || Yellow is <= 0 or >= 1 || Red > Yellow) throw new DetectionException("red and yellow are p-value cut-offs between 0 and 1, red no larger than yellow.");
        if ((long)B + G + 1 > length)
            throw new DetectionException($"Not enough history: {method} with B={B} and g={G} needs at least {(long)B + G + 1} days, the series has {length}.");
    }
}
