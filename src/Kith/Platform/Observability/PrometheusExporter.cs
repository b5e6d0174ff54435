using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kith.Platform.Observability;

/// <summary>
/// Collects counters, gauges and histograms from .NET meters (Kith's and ASP.NET Core's) and renders
/// them in the Prometheus text exposition format. The OpenTelemetry exporter packages are not served
/// by our package source, and this needs only the base library's <see cref="MeterListener"/>.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private static readonly string[] Meters = [KithMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "Microsoft.EntityFrameworkCore", "System.Runtime"];
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, Series> series = new();

    public PrometheusExporter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (Meters.Contains(instrument.Meter.Name)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var s = series.GetOrAdd(instrument, i => new Series(i));
        s.Record(LabelKey(tags), value);
    }

    public string Render()
    {
        foreach (var s in series.Values) s.ResetGauges();
        listener.RecordObservableInstruments();
        var sb = new StringBuilder();
        foreach (var s in series.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            s.Render(sb);
        return sb.ToString();
    }

    public void Dispose() => listener.Dispose();

    private static string LabelKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var parts = new List<string>(tags.Length);
        foreach (var t in tags)
            parts.Add($"{Sanitize(t.Key)}=\"{Escape(Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "")}\"");
        parts.Sort(StringComparer.Ordinal);
        return string.Join(',', parts);
    }

    internal static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (sb.Length > 0 && char.IsAsciiDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    private static string Escape(string v) => v.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string Number(double v) =>
        double.IsPositiveInfinity(v) ? "+Inf" : double.IsNegativeInfinity(v) ? "-Inf" : v.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Series(Instrument instrument)
    {
        private readonly object gate = new();
        private readonly Dictionary<string, double> values = [];
        private readonly Dictionary<string, (double[] Counts, double Sum, long Count)> histograms = [];
        private readonly bool isGauge = instrument.GetType().Name.StartsWith("ObservableGauge", StringComparison.Ordinal)
                                        || instrument.GetType().Name.StartsWith("Gauge", StringComparison.Ordinal);
        private readonly bool isObservable = instrument.IsObservable;
        private readonly bool isHistogram = instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal);
        private readonly bool isUpDown = instrument.GetType().Name.Contains("UpDownCounter", StringComparison.Ordinal);

        public string Name { get; } = Sanitize(instrument.Name) + UnitSuffix(instrument.Unit);

        private static string UnitSuffix(string? unit) => unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => "",
        };

        public void ResetGauges()
        {
            if (!isObservable) return;
            lock (gate) values.Clear();
        }

        public void Record(string labels, double value)
        {
            lock (gate)
            {
                if (isHistogram)
                {
                    var h = histograms.TryGetValue(labels, out var existing) ? existing : (Counts: new double[Buckets.Length], Sum: 0d, Count: 0L);
                    for (var i = 0; i < Buckets.Length; i++)
                        if (value <= Buckets[i]) h.Counts[i]++;
                    histograms[labels] = (h.Counts, h.Sum + value, h.Count + 1);
                }
                else if (isObservable || isGauge)
                    values[labels] = value; // observable counters report their running total
                else
                    values[labels] = values.GetValueOrDefault(labels) + value;
            }
        }

        public void Render(StringBuilder sb)
        {
            lock (gate)
            {
                if (values.Count == 0 && histograms.Count == 0) return;
                var type = isHistogram ? "histogram" : isGauge || isUpDown ? "gauge" : "counter";
                var name = type == "counter" && !Name.EndsWith("_total", StringComparison.Ordinal) ? Name + "_total" : Name;
                if (!string.IsNullOrEmpty(instrument.Description))
                    sb.Append("# HELP ").Append(name).Append(' ').Append(instrument.Description.ReplaceLineEndings(" ")).Append('\n');
                sb.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
                foreach (var (labels, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
                    sb.Append(name).Append(labels.Length > 0 ? "{" + labels + "}" : "").Append(' ').Append(Number(value)).Append('\n');
                foreach (var (labels, h) in histograms.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    var prefix = labels.Length > 0 ? labels + "," : "";
                    for (var i = 0; i < Buckets.Length; i++)
                        sb.Append(name).Append("_bucket{").Append(prefix).Append("le=\"").Append(Number(Buckets[i])).Append("\"} ").Append(Number(h.Counts[i])).Append('\n');
                    sb.Append(name).Append("_bucket{").Append(prefix).Append("le=\"+Inf\"} ").Append(h.Count).Append('\n');
                    sb.Append(name).Append("_sum").Append(labels.Length > 0 ? "{" + labels + "}" : "").Append(' ').Append(Number(h.Sum)).Append('\n');
                    sb.Append(name).Append("_count").Append(labels.Length > 0 ? "{" + labels + "}" : "").Append(' ').Append(h.Count).Append('\n');
                }
            }
        }
    }
}

internal static class MetricsEndpoints
{
    public static IServiceCollection AddKithMetrics(this IServiceCollection services)
    {
        services.AddSingleton<KithMetrics>();
        services.AddSingleton<PrometheusExporter>();
        return services;
    }

    // Resolving the exporter early makes it listen from the first request on.
    public static IApplicationBuilder UseKithMetrics(this IApplicationBuilder app)
    {
        app.ApplicationServices.GetRequiredService<PrometheusExporter>();
        return app;
    }

    /// <summary>
    /// Live counts (concerns by tier among them) tell an observer when an imminent report arrives, so only a
    /// scraper holding <c>Kith:Metrics:Token</c> reads them (Prometheus: <c>authorization: credentials</c>). With no
    /// token set the endpoint does not exist; a token shorter than 16 characters counts as none.
    /// </summary>
    public static IEndpointRouteBuilder MapKithMetrics(this IEndpointRouteBuilder app)
    {
        var token = app.ServiceProvider.GetRequiredService<IConfiguration>()["Kith:Metrics:Token"];
        var expected = token is { Length: >= 16 } ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;
        app.MapGet("/metrics", (HttpContext http, PrometheusExporter exporter) =>
            {
                if (expected is null) return Results.NotFound();
                if (!Presented(http, expected))
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Metrics need the scrape token");
                }
                return Results.Text(exporter.Render(), "text/plain; version=0.0.4; charset=utf-8");
            })
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Compares hashes in constant time, so the time taken says nothing about how much of a guess was right.</summary>
    private static bool Presented(HttpContext http, byte[] expected)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
