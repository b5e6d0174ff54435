using System.Globalization;

namespace InsightsBench;

/// <summary>The series of a wide file (see <see cref="Synthetic.Write"/>): shared dates, one count array per series (index = number − 1).</summary>
internal sealed record WideFile(DateOnly[] Dates, double[][] Counts)
{
    public static WideFile Read(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, false, 1 << 20);
        var dates = reader.ReadLine()!.Split(',').Skip(1).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var series = new List<double[]>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var counts = new double[dates.Length];
            var span = line.AsSpan();
            var comma = span.IndexOf(',');
            if (int.Parse(span[..comma], CultureInfo.InvariantCulture) != series.Count + 1) throw new InvalidDataException($"{path}: series out of order at {series.Count + 1}");
            span = span[(comma + 1)..];
            for (var t = 0; t < counts.Length; t++)
            {
                var value = 0;
                var i = 0;
                for (; i < span.Length && span[i] != ','; i++) value = value * 10 + (span[i] - '0');
                counts[t] = value;
                span = i < span.Length ? span[(i + 1)..] : [];
            }
            series.Add(counts);
        }
        return new WideFile(dates, series.ToArray());
    }
}
