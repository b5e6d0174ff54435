using System.Diagnostics;
using System.Globalization;
using Kith.Insights.Detection;
using Xunit.Abstractions;

namespace Kith.Tests.Insights.Detection;

/// <summary>
/// EARS C1, C2 and C3 and the CUSUM against R surveillance 1.20.3's <c>earsC</c> and <c>cusum</c> (Debian's
/// r-cran-surveillance, installed by test.sh):
/// R runs on the datasets the package ships — salmNewport by state, ha by district, measlesDE by state, stsNewport —
/// for ten EARS variants (defaults, another α, a longer baseline with minSigma, a later first monitored week) and nine
/// CUSUM ones (each transformation, other k and h, a fixed m, another α), and every upper bound must agree within 1e-6 × max(1, |R's value|), NA where R says NA, and every alarm be
/// identical. Points whose count sits within that tolerance of the bound are listed. Farrington and farringtonFlexible
/// likewise, over the short ranges R monitors for them (9 and 13 variants; farringtonFlexible's expected values too).
/// The command line is checked to print the same for one series. Nothing of R's output or the datasets is committed: R writes them here, per run.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Provider", "Independent")] // no database
public sealed class DetectionAgainstRTests(DetectionAgainstRTests.RReference r, ITestOutputHelper log) : IClassFixture<DetectionAgainstRTests.RReference>
{
    private readonly string folder = r.Folder;

    /// <summary>R's answers, written once for the class into a temporary directory.</summary>
    public sealed class RReference : IAsyncLifetime
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("kith-detection-r-").FullName;

        public async Task InitializeAsync()
        {
            var script = Path.Combine(KithProcess.RepositoryRoot, "tests", "Kith.Tests", "Insights", "Detection", "detection-reference.R");
            var info = new ProcessStartInfo("Rscript") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(script);
            info.ArgumentList.Add(Folder);
            using var process = Process.Start(info) ?? throw new InvalidOperationException("Rscript did not start (test.sh installs r-cran-surveillance).");
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"R failed ({process.ExitCode}):\n{await stderr}");
        }

        public Task DisposeAsync()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void EARS_agrees_with_R_on_every_series_and_variant()
    {
        var variants = EarsVariants();
        Compare("reference.csv", (series, variant) =>
        {
            var (options, later) = variants[variant];
            return Ears.Run(series.Dates, series.Counts, options, options.MaxLag + later);
        }, minimum: 100_000);
    }

    [Fact]
    public void CUSUM_agrees_with_R_on_every_series_and_variant()
    {
        var variants = CusumVariants();
        Compare("cusum-reference.csv", (series, variant) => Cusum.Run(series.Dates, series.Counts, variants[variant], series.Counts.Count / 3), minimum: 80_000);
    }

    [Fact]
    public void Farrington_agrees_with_R_on_every_series_and_variant() =>
        CompareFarrington("farrington-reference.csv", "farrington-variants.csv", flexible: false, minimum: 2_000);

    [Fact]
    public void FarringtonFlexible_agrees_with_R_on_every_series_and_variant() =>
        CompareFarrington("flexible-reference.csv", "flexible-variants.csv", flexible: true, minimum: 1_800);

    /// <summary>Nothing but the series: R's defaults (b = 5, w = 3) and R's own first monitored week, every week to the end.</summary>
    [Fact]
    public void FarringtonFlexible_with_every_default_agrees_with_R_from_Rs_first_week()
    {
        var theirs = Reference("flexible-defaults.csv").ToList();
        Assert.True(theirs.Count > 100, $"R monitored {theirs.Count} weeks");
        var ours = Farrington.Run(Series("stsNewport_observed1"), FarringtonOptions.From(true, []), null).Points;
        Assert.Equal(theirs.Select(r => r.Date), ours.Select(p => p.Date));
        var disagreements = theirs.Zip(ours).Where(x => !Agree(x.First.UpperBound, x.Second.UpperBound) || !Agree(x.First.Expected, x.Second.Expected) || x.First.Alarm != x.Second.Alarm)
            .Select(x => $"{x.First.Date:yyyy-MM-dd}: R {x.First.UpperBound}/{x.First.Alarm}, ours {x.Second.UpperBound}/{x.Second.Alarm}").ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(20)));
    }

    /// <summary>
    /// R monitors a short range per series and variant (farrington is slow in R): we monitor from R's first week, with
    /// the variant's options read through the command's own parser, and compare R's weeks. farringtonFlexible's
    /// expected values are compared too (R's control$expected).
    /// </summary>
    private void CompareFarrington(string reference, string variantsFile, bool flexible, int minimum)
    {
        var variants = Table(variantsFile).ToDictionary(v => v["variant"], v => v
            .Where(c => c.Key is not ("variant" or "shift" or "cases" or "weeks") && c.Value.Length > 0)
            .Select(c => (c.Key, c.Value))
            .Append(("limit54", v["cases"] + "," + v["weeks"])).ToList());
        var byDate = Table("series.csv").ToDictionary(s => s["series"], s => s["epochAsDate"]);
        Compare(reference, (series, variant, dates) =>
        {
            var options = FarringtonOptions.From(flexible, variants[variant].Append(("epochAsDate", byDate[dates.Series])));
            // Only the past counts matter to a week, so the series can end at R's last week.
            var end = series.Dates.ToList().IndexOf(dates.Last) + 1;
            var past = new CountSeries(series.Dates.Take(end).ToList(), series.Counts.Take(end).ToList(), series.Population?.Take(end).ToList());
            return Farrington.Run(past, options, series.Dates.ToList().IndexOf(dates.First));
        }, minimum, compareExpected: flexible);
    }

    private void Compare(string file, Func<CountSeries, string, Kith.Insights.Detection.Detection> run, int minimum) =>
        Compare(file, (series, variant, _) => run(series, variant), minimum, compareExpected: false);

    private void Compare(string file, Func<CountSeries, string, (string Series, DateOnly First, DateOnly Last), Kith.Insights.Detection.Detection> run, int minimum, bool compareExpected)
    {
        var compared = 0;
        var nearThreshold = new List<string>();
        var disagreements = new List<string>();
        foreach (var group in Reference(file).GroupBy(r => (r.Series, r.Variant)))
        {
            var theirs = group.ToList();
            var ours = run(Series(group.Key.Series), group.Key.Variant, (group.Key.Series, theirs[0].Date, theirs[^1].Date)).Points.ToDictionary(p => p.Date);
            Assert.Equal(theirs.Count, ours.Count);
            foreach (var expected in theirs)
            {
                var point = ours[expected.Date];
                compared++;
                var where = $"{group.Key.Series} {group.Key.Variant} {expected.Date:yyyy-MM-dd}";
                if (!Agree(expected.UpperBound, point.UpperBound))
                    disagreements.Add($"{where}: upper bound R {expected.UpperBound?.ToString("R", CultureInfo.InvariantCulture) ?? "NA"}, ours {point.UpperBound?.ToString("R", CultureInfo.InvariantCulture) ?? "NA"}");
                if (compareExpected && !Agree(expected.Expected, point.Expected))
                    disagreements.Add($"{where}: expected R {expected.Expected?.ToString("R", CultureInfo.InvariantCulture) ?? "NA"}, ours {point.Expected?.ToString("R", CultureInfo.InvariantCulture) ?? "NA"}");
                if (expected.Alarm != point.Alarm)
                    disagreements.Add($"{where}: alarm R {expected.Alarm?.ToString() ?? "NA"}, ours {point.Alarm?.ToString() ?? "NA"}");
                if (expected.UpperBound is { } bound && Math.Abs(point.Count - bound) <= Tolerance(bound))
                    nearThreshold.Add($"{where}: count {point.Count} at bound {bound:R} (alarm {expected.Alarm})");
            }
        }
        log.WriteLine($"{file}: {compared} points compared; {nearThreshold.Count} within the tolerance of their bound:");
        foreach (var near in nearThreshold.Take(50)) log.WriteLine("  " + near);
        Assert.True(compared > minimum, $"only {compared} points compared");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements with R, first:\n" + string.Join("\n", disagreements.Take(30)) + "\nby series and variant: " + string.Join(", ", disagreements.GroupBy(d => string.Join(" ", d.Split(" ").Take(2))).Select(g => g.Key + " " + g.Count())));
    }

    [Fact]
    public async Task The_command_prints_what_R_computes()
    {
        var file = Path.Combine(folder, "series", "ha_chwi.csv");
        var environment = CommandEnvironment();
        var run = await KithProcess.RunCommandAsync(environment, "insights", "detect", "--method", "earsC3", "--option", "alpha=0.001", "--input", file);
        var bad = await KithProcess.RunCommandAsync(environment, "insights", "detect", "--method", "earsC3", "--option", "lambda=2", "--input", file);

        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.StdOut.Trim().Split('\n');
        Assert.Equal("date,count,expected,upperbound,alarm", lines[0]);
        var expected = Reference().Where(r => r.Series == "ha_chwi" && r.Variant == "C3-alpha").ToList();
        Assert.Equal(expected.Count, lines.Length - 1);
        foreach (var (line, reference) in lines.Skip(1).Zip(expected))
        {
            var cells = line.Split(',');
            Assert.Equal(reference.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cells[0]);
            Assert.True(Agree(reference.UpperBound, Number(cells[3])), $"{line} vs R's {reference.UpperBound}");
            Assert.Equal(reference.Alarm switch { true => "TRUE", false => "FALSE", null => "" }, cells[4]);
        }
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("EARS has no option 'lambda'", bad.StdErr);
        Assert.Equal("", bad.StdOut);

        var cusumReference = Reference("cusum-reference.csv").Where(r => r.Series == "ha_chwi" && r.Variant == "rossi-m").ToList();
        var cusum = await KithProcess.RunCommandAsync(environment, "insights", "detect", "--method", "cusum", "--option", "trans=rossi",
            "--option", "m=2.5", "--from", cusumReference[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--input", file);
        Assert.True(cusum.ExitCode == 0, cusum.Output);
        var cusumLines = cusum.StdOut.Trim().Split('\n').Skip(1).ToList();
        Assert.Equal(cusumReference.Count, cusumLines.Count);
        foreach (var (line, reference) in cusumLines.Zip(cusumReference))
        {
            var cells = line.Split(',');
            Assert.True(Agree(reference.UpperBound, Number(cells[3])), $"{line} vs R's {reference.UpperBound}");
            Assert.Equal(reference.Alarm switch { true => "TRUE", false => "FALSE", null => "" }, cells[4]);
        }
    }

    [Fact]
    public async Task The_command_prints_what_R_computes_for_farringtonFlexible()
    {
        var file = Path.Combine(folder, "series", "stsNewport_observed1.csv");
        var environment = CommandEnvironment();
        var expected = Reference("flexible-reference.csv").Where(r => r.Series == "stsNewport_observed1" && r.Variant == "periods").ToList();
        var run = await KithProcess.RunCommandAsync(environment, "insights", "detect", "--method", "farringtonFlexible", "--option", "b=3", "--option", "noPeriods=10",
            "--option", "pastWeeksNotIncluded=26", "--option", "limit54=0,4", "--from", expected[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--input", file);
        var bad = await KithProcess.RunCommandAsync(environment, "insights", "detect", "--method", "farrington", "--option", "noPeriods=10", "--input", file);

        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.StdOut.Trim().Split('\n').Skip(1).Take(expected.Count).ToList();
        Assert.Equal(expected.Count, lines.Count);
        foreach (var (line, reference) in lines.Zip(expected))
        {
            var cells = line.Split(',');
            Assert.Equal(reference.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cells[0]);
            Assert.True(Agree(reference.Expected, Number(cells[2])), $"{line} vs R's expected {reference.Expected}");
            Assert.True(Agree(reference.UpperBound, Number(cells[3])), $"{line} vs R's {reference.UpperBound}");
            Assert.Equal(reference.Alarm switch { true => "TRUE", false => "FALSE", null => "" }, cells[4]);
        }
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("farrington has no option 'noPeriods'", bad.StdErr);
        Assert.Equal("", bad.StdOut);
    }

    /// <summary>The command reads no database or key ring; these only keep it from looking for the defaults.</summary>
    private Dictionary<string, string> CommandEnvironment() => new()
    {
        ["ConnectionStrings__Postgres"] = "",
        ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder, "kith.db")}",
        ["Kith__KeyRingPath"] = Path.Combine(folder, "keys"),
    };

    private static bool Agree(double? r, double? ours) =>
        r is null ? ours is null : ours is { } o && Math.Abs(o - r.Value) <= Tolerance(r.Value);

    private static double Tolerance(double r) => 1e-6 * Math.Max(1, Math.Abs(r));

    private sealed record ReferencePoint(string Series, string Variant, DateOnly Date, double? UpperBound, bool? Alarm, double? Expected);

    private IEnumerable<ReferencePoint> Reference(string file = "reference.csv") =>
        File.ReadLines(Path.Combine(folder, file)).Skip(1).Select(l => l.Split(',')).Select(c => new ReferencePoint(
            c[0], c[1], DateOnly.ParseExact(c[2], "yyyy-MM-dd", CultureInfo.InvariantCulture), Number(c[3]),
            c[4] switch { "TRUE" or "1" => true, "FALSE" or "0" => false, _ => null }, c.Length > 5 ? Number(c[5]) : null));

    /// <summary>A CSV R wrote (no commas inside fields), as one dictionary per row keyed by the header.</summary>
    private List<Dictionary<string, string>> Table(string file)
    {
        var lines = File.ReadLines(Path.Combine(folder, file)).Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray()).ToList();
        return lines.Skip(1).Select(row => lines[0].Zip(row).ToDictionary(c => c.First, c => c.Second)).ToList();
    }

    private Dictionary<string, CusumOptions> CusumVariants() =>
        File.ReadLines(Path.Combine(folder, "cusum-variants.csv")).Skip(1).Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray())
            .ToDictionary(c => c[0], c => new CusumOptions(Number(c[2])!.Value, Number(c[3])!.Value, c[4] == "glm" ? null : Number(c[4]), c[1], Number(c[5])!.Value)
                { SeasonalM = c[4] == "glm" });

    private Dictionary<string, (EarsOptions Options, int Later)> EarsVariants() =>
        File.ReadLines(Path.Combine(folder, "variants.csv")).Skip(1).Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray())
            .ToDictionary(c => c[0], c => (new EarsOptions(c[1], int.Parse(c[2], CultureInfo.InvariantCulture), Number(c[3])!.Value, Number(c[4])),
                int.Parse(c[5], CultureInfo.InvariantCulture)));

    private CountSeries Series(string name)
    {
        using var reader = File.OpenText(Path.Combine(folder, "series", name + ".csv"));
        return CountSeries.Parse(reader);
    }

    private static double? Number(string cell) =>
        cell is "" or "NA" or "NaN" ? null : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}
