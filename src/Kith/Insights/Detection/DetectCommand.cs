using System.Globalization;
using Kith.Platform.Cli;

namespace Kith.Insights.Detection;

/// <summary>
/// <c>kith insights detect --method earsC1|earsC2|earsC3|cusum|farrington|farringtonFlexible|ewma|regression|switch [--option name=value …] [--from YYYY-MM-DD] --input series.csv</c>:
/// the spike detection a dashboard uses, on a series anyone can also give to R surveillance, so the two can be compared
/// line by line. Option names are R's (EARS: <c>baseline</c>, <c>minSigma</c>, <c>alpha</c>; CUSUM: <c>k</c>, <c>h</c>,
/// <c>m</c>, <c>trans</c>, <c>alpha</c>; Farrington: see <see cref="FarringtonOptions"/>, <c>limit54=5,4</c> for R's
/// c(5,4); NSSP's ewma, regression, switch: Rnssp's <c>B</c>, <c>g</c>, <c>w1</c>, <c>w2</c>, and <c>red</c>, <c>yellow</c>,
/// <c>r2_threshold</c> — see <see cref="Nssp"/>); <c>--from</c> is the first monitored date (for EARS by default the first
/// with a full baseline, as in R; CUSUM, like R, needs it; for the Farrington methods by default the first week with b full
/// years of history, and a weekly dated series finds the weeks a year back by the calendar, as R does for an sts with
/// dates). Prints CSV <c>date,count,expected,upperbound,alarm</c> for the monitored rows, an empty field for R's NA (the
/// NSSP methods add <c>p,alert,detector</c>: the p-value, Rnssp's colour red/yellow/blue, and which detector spoke). Bad input exits 2 with
/// every problem named; nothing is read from the database or the key ring.
/// </summary>
internal static class DetectCommand
{
    public static readonly OperatorCommand Command = new(["insights", "detect"],
        "insights detect --method earsC1|earsC2|earsC3|cusum|farrington|farringtonFlexible|ewma|regression|switch [--option name=value …] [--from YYYY-MM-DD] --input FILE.csv",
        "spike detection on a date,count series; prints date,count,expected,upperbound,alarm (R surveillance's definitions; the NSSP methods ewma, regression and switch, Rnssp's, add p,alert,detector); "
        + "--from defaults to the first point with a full baseline (EARS) or b years of history (Farrington)",
        (_, command) => RunAsync(command));

    private static async Task<int> RunAsync(Command command)
    {
        try
        {
            var method = command.Options["method"].FirstOrDefault() ?? throw new DetectionException("Name the method: --method earsC1, earsC2, earsC3, cusum, farrington, farringtonFlexible, ewma, regression or switch.");
            var input = command.Options["input"].FirstOrDefault() ?? throw new DetectionException("Name the series: --input FILE.csv (columns date,count).");
            if (!File.Exists(input)) throw new DetectionException($"No file '{input}'.");
            CountSeries series;
            using (var reader = File.OpenText(input)) series = CountSeries.Parse(reader);
            var first = command.Options["from"].FirstOrDefault() is { } from ? FirstIndex(series, from) : (int?)null;
            var detection = method switch
            {
                "earsC1" or "earsC2" or "earsC3" => Ears.Run(series.Dates, series.Counts, EarsFrom(method[^2..], command.Options["option"]), first),
                "cusum" => Cusum.Run(series.Dates, series.Counts, CusumFrom(command.Options["option"]),
                    first ?? throw new DetectionException("cusum needs --from, the first monitored date (as R needs a range): the points before it estimate m.")),
                "farrington" or "farringtonFlexible" => Farrington.Run(series, FarringtonOptions.From(method == "farringtonFlexible", Pairs(command.Options["option"])), first),
                "ewma" or "regression" or "switch" => Nssp.Run(method, series.Dates, series.Counts, NsspOptions.Parse(command.Options["option"]), first),
                _ => throw new DetectionException($"Unknown method '{method}'. Methods: earsC1, earsC2, earsC3, cusum, farrington, farringtonFlexible, ewma, regression, switch."),
            };
            await Write(detection, Console.Out);
            return 0;
        }
        catch (DetectionException e)
        {
            await Console.Error.WriteLineAsync("kith insights detect: " + e.Message);
            return 2;
        }
    }

    private static EarsOptions EarsFrom(string method, IEnumerable<string> options)
    {
        var result = new EarsOptions(method);
        foreach (var (name, value) in Pairs(options))
            result = name switch
            {
                "baseline" => result with { Baseline = Integer(name, value) },
                "minSigma" => result with { MinSigma = Real(name, value) },
                "alpha" => result with { Alpha = Real(name, value) },
                _ => throw new DetectionException($"EARS has no option '{name}'. Options: baseline, minSigma, alpha."),
            };
        return result;
    }

    private static CusumOptions CusumFrom(IEnumerable<string> options)
    {
        var result = new CusumOptions();
        foreach (var (name, value) in Pairs(options))
            result = name switch
            {
                "k" => result with { K = Real(name, value) },
                "h" => result with { H = Real(name, value) },
                "m" when value == "glm" => result with { SeasonalM = true, M = null },
                "m" => result with { M = Real(name, value) },
                "trans" => result with { Trans = value },
                "alpha" => result with { Alpha = Real(name, value) },
                _ => throw new DetectionException($"cusum has no option '{name}'. Options: k, h, m (a number or glm), trans, alpha."),
            };
        return result;
    }

    internal static IEnumerable<(string Name, string Value)> Pairs(IEnumerable<string> options) =>
        options.Select(o => o.Split('=', 2) is [var name, var value] && name.Length > 0
            ? (name.Trim(), value.Trim())
            : throw new DetectionException($"An option is name=value, not '{o}'."));

    internal static int Integer(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new DetectionException($"{name} must be a whole number, not '{value}'.");

    internal static double Real(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x : throw new DetectionException($"{name} must be a number, not '{value}'.");

    private static int FirstIndex(CountSeries series, string from)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new DetectionException($"--from must be a date YYYY-MM-DD, not '{from}'.");
        var index = series.Dates.ToList().IndexOf(day);
        return index >= 0 ? index : throw new DetectionException($"--from {from} is not a date of the series.");
    }

    /// <summary>The CSV R users expect: numbers as R prints them at full precision, TRUE/FALSE, empty for NA.</summary>
    public static async Task Write(Detection detection, TextWriter output)
    {
        await output.WriteLineAsync(string.Join(',', ["date,count,expected,upperbound,alarm", .. detection.ExtraColumns]));
        foreach (var p in detection.Points)
            await output.WriteLineAsync(string.Join(',', [p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(p.Count), Number(p.Expected),
                Number(p.UpperBound), p.Alarm switch { true => "TRUE", false => "FALSE", null => "" },
                .. p.Extra.Select(x => x is double d ? Number(d) : x?.ToString() ?? "")]));
    }

    private static string Number(double? value) => value switch
    {
        null or double.NaN => "",
        double.PositiveInfinity => "Inf", // as R writes it (a bound at α so small that z is infinite)
        double.NegativeInfinity => "-Inf",
        { } v => v.ToString("R", CultureInfo.InvariantCulture),
    };
}
