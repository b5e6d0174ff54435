using System.Globalization;
using System.Text;
using MathNet.Numerics.Distributions;

namespace InsightsBench;

/// <summary>
/// Seeded synthetic count series, in the spirit of Noufaily et al. (2013)'s simulation study of the Farrington
/// methods: a log-linear mean with yearly harmonics (and a day-of-week effect for daily series), a trend in some,
/// Poisson or negative binomial noise (variance φμ), a share of sparse series that are mostly zeros, and outbreaks
/// whose size is k baseline standard deviations, their cases spread over the following weeks (or days) by a lognormal
/// delay. Each series has its own generator seeded from (seed, kind, number), so a series does not depend on how many
/// others there are: the first 200 of a 10,000-series run are the 200 of a 200-series run.
/// </summary>
internal static class Synthetic
{
    public const int Weeks = 520; // ten years of weeks
    public const int Days = 730; // two years of days
    public static readonly DateOnly FirstWeek = new(2016, 1, 4); // a Monday
    public static readonly DateOnly FirstDay = new(2024, 1, 1);
    private const double WeeksPerYear = 365.25 / 7;

    /// <summary>A weekly series: 20% sparse (0.05–1.5 a week), the rest 2–300 a week; 75% seasonal; 30% trending.</summary>
    public static int[] Weekly(int seed, int number)
    {
        var random = new Random(Mix(seed, 1, number));
        var level = random.NextDouble() < 0.2 ? LogUniform(random, 0.05, 1.5) : LogUniform(random, 2, 300);
        var (a1, p1, a2, p2) = Seasons(random, 0.75, 0.1, 0.8);
        var trend = random.NextDouble() < 0.3 ? Uniform(random, -0.1, 0.15) : 0; // per year, on the log scale
        var phi = random.NextDouble() < 0.25 ? 1 : Uniform(random, 1.5, 5);
        var mu = new double[Weeks];
        for (var t = 0; t < Weeks; t++)
        {
            var year = t / WeeksPerYear;
            mu[t] = level * Math.Exp(a1 * Math.Sin(2 * Math.PI * year + p1) + a2 * Math.Sin(4 * Math.PI * year + p2) + trend * (year - 5));
        }
        var counts = Draw(random, mu, phi);
        // About 1.5 outbreaks in ten years, and one in the monitored last two years half the time.
        var outbreaks = Poisson.Sample(random, 1.5);
        for (var i = 0; i < outbreaks; i++) Outbreak(random, counts, mu, phi, random.Next(Weeks), Uniform(random, 2, 10), 0, 0.5);
        if (random.NextDouble() < 0.5) Outbreak(random, counts, mu, phi, Weeks - 104 + random.Next(104), Uniform(random, 2, 10), 0, 0.5);
        return counts;
    }

    /// <summary>A daily series: 20% sparse (0.05–1 a day), the rest 1–60 a day; weekends lower in 60%; 50% seasonal.</summary>
    public static int[] Daily(int seed, int number)
    {
        var random = new Random(Mix(seed, 2, number));
        var level = random.NextDouble() < 0.2 ? LogUniform(random, 0.05, 1) : LogUniform(random, 1, 60);
        var (a1, p1, _, _) = Seasons(random, 0.5, 0.05, 0.5);
        var weekend = random.NextDouble() < 0.6 ? Math.Log(Uniform(random, 0.4, 0.9)) : 0;
        var trend = random.NextDouble() < 0.3 ? Uniform(random, -0.1, 0.15) : 0;
        var phi = random.NextDouble() < 0.25 ? 1 : Uniform(random, 1.2, 3);
        var mu = new double[Days];
        for (var t = 0; t < Days; t++)
        {
            var year = t / 365.25;
            var day = FirstDay.AddDays(t).DayOfWeek;
            mu[t] = level * Math.Exp(a1 * Math.Sin(2 * Math.PI * year + p1) + trend * (year - 1)
                + (day is DayOfWeek.Saturday or DayOfWeek.Sunday ? weekend : 0));
        }
        var counts = Draw(random, mu, phi);
        var outbreaks = Poisson.Sample(random, 1) + (random.NextDouble() < 0.5 ? 1 : 0);
        for (var i = 0; i < outbreaks; i++) Outbreak(random, counts, mu, phi, random.Next(Days), Uniform(random, 2, 8), Math.Log(2), 0.6);
        return counts;
    }

    /// <summary>
    /// The series numbers (1-based, ascending) R runs on: a seeded random sample without replacement.
    /// </summary>
    public static int[] Subsample(int seed, int kind, int count, int size)
    {
        var random = new Random(Mix(seed, 10 + kind, 0));
        var numbers = Enumerable.Range(1, count).ToArray();
        size = Math.Min(size, count);
        for (var i = 0; i < size; i++)
        {
            var j = i + random.Next(count - i);
            (numbers[i], numbers[j]) = (numbers[j], numbers[i]);
        }
        return numbers.Take(size).Order().ToArray();
    }

    /// <summary>The wide file both sides read: "series,date1,…" then "number,count1,…" per series.</summary>
    public static void Write(string path, DateOnly first, int length, int step, int count, Func<int, int[]> series)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var header = new StringBuilder("series");
        for (var t = 0; t < length; t++) header.Append(',').Append(first.AddDays(t * step).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.Write(header.Append('\n'));
        // Generated in parallel batches, written in order.
        const int batch = 2_000;
        for (var start = 1; start <= count; start += batch)
        {
            var lines = new string[Math.Min(batch, count - start + 1)];
            Parallel.For(0, lines.Length, i => lines[i] = (start + i).ToString(CultureInfo.InvariantCulture) + "," + string.Join(',', series(start + i)) + "\n");
            foreach (var line in lines) writer.Write(line);
        }
    }

    private static (double A1, double P1, double A2, double P2) Seasons(Random random, double share, double low, double high)
    {
        if (random.NextDouble() >= share) return (0, 0, 0, 0);
        var a1 = Uniform(random, low, high);
        var p1 = Uniform(random, 0, 2 * Math.PI);
        var second = random.NextDouble() < 0.3;
        return (a1, p1, second ? Uniform(random, 0.05, 0.3) : 0, second ? Uniform(random, 0, 2 * Math.PI) : 0);
    }

    /// <summary>Poisson(μ) when φ = 1, else negative binomial with mean μ and variance φμ (a gamma-Poisson mixture).</summary>
    private static int[] Draw(Random random, double[] mu, double phi)
    {
        var counts = new int[mu.Length];
        for (var t = 0; t < mu.Length; t++)
        {
            var lambda = phi == 1 ? mu[t] : Gamma.Sample(random, mu[t] / (phi - 1), 1 / (phi - 1));
            counts[t] = lambda > 0 ? Poisson.Sample(random, lambda) : 0;
        }
        return counts;
    }

    /// <summary>Poisson(k·sd) extra cases from <paramref name="start"/>, each delayed by ⌊lognormal(μ, σ)⌋ periods.</summary>
    private static void Outbreak(Random random, int[] counts, double[] mu, double phi, int start, double k, double mean, double sd)
    {
        var cases = Poisson.Sample(random, k * Math.Sqrt(phi * mu[start]));
        for (var c = 0; c < cases; c++)
        {
            var t = start + (int)Math.Floor(LogNormal.Sample(random, mean, sd));
            if (t < counts.Length) counts[t]++;
        }
    }

    private static double Uniform(Random random, double low, double high) => low + (high - low) * random.NextDouble();
    private static double LogUniform(Random random, double low, double high) => Math.Exp(Uniform(random, Math.Log(low), Math.Log(high)));
    private static int Mix(int seed, int kind, int number) => unchecked((seed * 1_000_003) ^ (kind * 7_919) ^ (number * 104_729));
}
