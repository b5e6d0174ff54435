namespace Kith.Insights.Detection;

/// <summary>
/// The options of <c>farrington</c> and <c>farringtonFlexible</c>, named as in R surveillance's control lists, with
/// R's defaults (b = 5 and w = 3 for both, as R 1.20.3's formals say). <c>EpochAsDate</c> is no control option but the sts
/// property the series stands for: true (R for a dated series) finds the weeks a year back by the calendar, false (R
/// for a series known only by its 52 weeks a year) by going back 52 points per year.
/// </summary>
internal sealed record FarringtonOptions(bool Flexible)
{
    public int? B { get; init; }
    public int W { get; init; } = 3;
    public bool Reweight { get; init; } = true;
    public double WeightsThreshold { get; init; } = 2.58;
    public double Alpha { get; init; } = 0.05;
    public bool Trend { get; init; } = true;
    public double PThresholdTrend { get; init; } = 0.05;
    public double Limit54Cases { get; init; } = 5;
    public int Limit54Weeks { get; init; } = 4;
    public string PowerTrans { get; init; } = "2/3";
    public bool PopulationOffset { get; init; }
    public int NoPeriods { get; init; } = 1;
    public int? PastWeeksNotIncluded { get; init; }
    public string ThresholdMethod { get; init; } = "delta";
    public bool EpochAsDate { get; init; } = true;

    public string Method => Flexible ? "farringtonFlexible" : "farrington";
    public int Years => B ?? 5;
    /// <summary>farringtonFlexible leaves out the current week and this many before it (R's default: w).</summary>
    public int WeeksLeftOut => PastWeeksNotIncluded ?? W;

    private static readonly string[] Shared = ["b", "w", "reweight", "alpha", "trend", "limit54", "powertrans", "epochAsDate"];
    private static readonly string[] FlexibleOnly = ["weightsThreshold", "pThresholdTrend", "populationOffset", "noPeriods", "pastWeeksNotIncluded", "thresholdMethod"];

    /// <summary>Reads name=value options as the command line gives them; an option the method does not have is refused in words.</summary>
    public static FarringtonOptions From(bool flexible, IEnumerable<(string Name, string Value)> options)
    {
        var result = new FarringtonOptions(flexible);
        foreach (var (name, value) in options)
        {
            if (!Shared.Contains(name) && !(flexible && FlexibleOnly.Contains(name)))
                throw new DetectionException($"{result.Method} has no option '{name}'. Options: {string.Join(", ", flexible ? Shared.Concat(FlexibleOnly) : Shared)}.");
            result = name switch
            {
                "b" => result with { B = DetectCommand.Integer(name, value) },
                "w" => result with { W = DetectCommand.Integer(name, value) },
                "reweight" => result with { Reweight = Logical(name, value) },
                "weightsThreshold" => result with { WeightsThreshold = DetectCommand.Real(name, value) },
                "alpha" => result with { Alpha = DetectCommand.Real(name, value) },
                "trend" => result with { Trend = Logical(name, value) },
                "pThresholdTrend" => result with { PThresholdTrend = DetectCommand.Real(name, value) },
                "limit54" => value.Split(',') is [var cases, var weeks]
                    ? result with { Limit54Cases = DetectCommand.Real(name, cases.Trim()), Limit54Weeks = DetectCommand.Integer(name, weeks.Trim()) }
                    : throw new DetectionException($"limit54 is two numbers, cases and weeks (as R's c(5,4): limit54=5,4), not '{value}'."),
                "powertrans" => result with { PowerTrans = value },
                "populationOffset" => result with { PopulationOffset = Logical(name, value) },
                "noPeriods" => result with { NoPeriods = DetectCommand.Integer(name, value) },
                "pastWeeksNotIncluded" => result with { PastWeeksNotIncluded = value is "NULL" ? null : DetectCommand.Integer(name, value) },
                "thresholdMethod" => result with { ThresholdMethod = value },
                _ => result with { EpochAsDate = Logical(name, value) },
            };
        }
        result.Check();
        return result;
    }

    /// <summary>R's bounds on the options, said before anything is computed.</summary>
    public void Check()
    {
        if (Years < 1) throw new DetectionException("b must be at least 1 (years back).");
        if (W < 0) throw new DetectionException("w must be 0 or more (weeks either side).");
        if (Alpha is <= 0 or >= 1) throw new DetectionException("alpha must be between 0 and 1.");
        if (Limit54Cases < 0 || Limit54Weeks < 1) throw new DetectionException("The limit54 arguments are out of bounds: cases >= 0 and period > 0.");
        if (!FarringtonModel.PowerTransformations.Contains(PowerTrans))
            throw new DetectionException($"powertrans must be one of {string.Join(", ", FarringtonModel.PowerTransformations)}, not '{PowerTrans}'.");
        if (ThresholdMethod is not ("delta" or "nbPlugin" or "muan")) throw new DetectionException($"thresholdMethod must be delta, nbPlugin or muan, not '{ThresholdMethod}'.");
        if (NoPeriods < 1) throw new DetectionException("noPeriods must be at least 1.");
        if (WeeksLeftOut < 0) throw new DetectionException("pastWeeksNotIncluded must be 0 or more.");
    }

    private static bool Logical(string name, string value) => value switch
    {
        "TRUE" or "true" or "T" => true,
        "FALSE" or "false" or "F" => false,
        _ => throw new DetectionException($"{name} must be TRUE or FALSE, not '{value}'."),
    };
}
