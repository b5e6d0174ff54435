using System.Globalization;
using Kith.ServiceDirectory.Search;
using Npgsql;
using NpgsqlTypes;

namespace DirectoryBench;

internal sealed record BaselineHit(string Id, string Name, string? Organization, string? Summary, double? DistanceKm, float? Rank, string[] Languages);

internal sealed record BaselineResponse(long Total, IReadOnlyList<BaselineHit> Results);

/// <summary>
/// The PostgreSQL-only baseline, the way ohana-api answers a search: full-text <c>tsvector</c> (weighted name,
/// keywords, organisation, description; 'english' config) with a GIN index, <c>websearch_to_tsquery</c> and
/// <c>ts_rank</c>; places with a GiST index on their point for the bounding box and haversine for the
/// exact distance; languages <c>text[]</c> with GIN; a schedules table (weekday, opens, closes) for "open
/// now" in the deployment's zone. Well indexed, analysed, and loaded with binary COPY.
/// </summary>
internal sealed class Baseline(NpgsqlDataSource db)
{
    public static void Load(NpgsqlDataSource db, IReadOnlyList<BenchService> services)
    {
        using var conn = db.OpenConnection();
        Exec(conn, """
            DROP TABLE IF EXISTS bench_schedules, bench_places, bench_services;
            CREATE TABLE bench_services (
              id int PRIMARY KEY, service_id text NOT NULL, name text NOT NULL, organization text, description text,
              keywords text NOT NULL, languages text[] NOT NULL,
              tsv tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', keywords), 'B') ||
                setweight(to_tsvector('english', coalesce(organization, '')), 'C') || setweight(to_tsvector('english', coalesce(description, '')), 'D')) STORED);
            CREATE TABLE bench_places (service int NOT NULL, lat float8 NOT NULL, lon float8 NOT NULL);
            CREATE TABLE bench_schedules (service int NOT NULL, weekday smallint NOT NULL, opens time NOT NULL, closes time NOT NULL);
            """);
        using (var w = conn.BeginBinaryImport("COPY bench_services (id, service_id, name, organization, description, keywords, languages) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < services.Count; i++)
            {
                var d = services[i].Document;
                w.StartRow();
                w.Write(i, NpgsqlDbType.Integer);
                w.Write(d.ServiceId, NpgsqlDbType.Text);
                w.Write(d.Name, NpgsqlDbType.Text);
                w.Write(d.OrganizationName, NpgsqlDbType.Text);
                w.Write(d.Description, NpgsqlDbType.Text);
                w.Write(string.Join(' ', d.Keywords), NpgsqlDbType.Text);
                w.Write(d.Languages.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            }
            w.Complete();
        }
        using (var w = conn.BeginBinaryImport("COPY bench_places (service, lat, lon) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < services.Count; i++)
                foreach (var p in services[i].Document.Places) w.WriteRow(i, p.Latitude, p.Longitude);
            w.Complete();
        }
        using (var w = conn.BeginBinaryImport("COPY bench_schedules (service, weekday, opens, closes) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < services.Count; i++)
                foreach (var rule in services[i].Document.Schedules)
                    foreach (var (day, opens, closes) in WeekdayRows(rule))
                    {
                        w.StartRow();
                        w.Write(i, NpgsqlDbType.Integer);
                        w.Write(day, NpgsqlDbType.Smallint);
                        w.Write(opens, NpgsqlDbType.Time);
                        w.Write(closes, NpgsqlDbType.Time);
                    }
            w.Complete();
        }
        Exec(conn, """
            SET maintenance_work_mem = '512MB';
            CREATE INDEX bench_services_tsv ON bench_services USING gin (tsv);
            CREATE INDEX bench_services_languages ON bench_services USING gin (languages);
            CREATE INDEX bench_places_point ON bench_places USING gist (point(lon, lat));
            CREATE INDEX bench_places_service ON bench_places (service);
            CREATE INDEX bench_schedules_service ON bench_schedules (service, weekday);
            """);
        foreach (var table in new[] { "bench_services", "bench_places", "bench_schedules" }) Exec(conn, $"VACUUM ANALYZE {table}");
    }

    /// <summary>A weekly or daily rule as (weekday 0 = Sunday, opens, closes) rows; overnight hours split at midnight,
    /// and "24:00" as the end of a day, so "open now" is one indexed lookup on (service, weekday).</summary>
    private static IEnumerable<(short Day, TimeSpan Opens, TimeSpan Closes)> WeekdayRows(OpeningRule rule)
    {
        var days = rule.ByDay is null ? [0, 1, 2, 3, 4, 5, 6]
            : rule.ByDay.Split(',').Select(d => Array.IndexOf(["SU", "MO", "TU", "WE", "TH", "FR", "SA"], d)).ToArray();
        var endOfDay = TimeSpan.FromHours(24);
        foreach (var day in days)
        {
            if (rule.OpensAt is not { } opens || rule.ClosesAt is not { } closes) { yield return ((short)day, TimeSpan.Zero, endOfDay); continue; }
            if (closes > opens) { yield return ((short)day, opens.ToTimeSpan(), closes.ToTimeSpan()); continue; }
            yield return ((short)day, opens.ToTimeSpan(), endOfDay);
            yield return ((short)((day + 1) % 7), TimeSpan.Zero, closes.ToTimeSpan());
        }
    }

    private static void Exec(NpgsqlConnection conn, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }

    // Bounding box on the GiST-indexed point first, then the exact haversine distance; a service's nearest place counts.
    private const string NearJoin = """
        JOIN (SELECT p.service, min(2 * 6371 * asin(sqrt(power(sin(radians(p.lat - @lat) / 2), 2)
                     + cos(radians(@lat)) * cos(radians(p.lat)) * power(sin(radians(p.lon - @lon) / 2), 2)))) AS km
              FROM bench_places p
              WHERE point(p.lon, p.lat) <@ box(point(@minlon, @minlat), point(@maxlon, @maxlat))
              GROUP BY p.service) n ON n.service = s.id AND n.km <= @radius
        """;

    private const string OpenNow = """
        AND EXISTS (SELECT 1 FROM bench_schedules h
                    WHERE h.service = s.id AND h.weekday = extract(dow FROM @now AT TIME ZONE @zone)::smallint
                      AND h.opens <= (@now AT TIME ZONE @zone)::time AND (@now AT TIME ZONE @zone)::time < h.closes)
        """;

    public async Task<BaselineResponse> SearchAsync(BenchQuery q, DateTimeOffset now, CancellationToken ct)
    {
        var near = q.Lat is not null && q.Lon is not null;
        var sql = string.Join('\n',
            "SELECT s.service_id, s.name, s.organization, left(s.description, 160),",
            q.Text != null ? "ts_rank(s.tsv, t.q)," : "NULL::real,",
            near ? "n.km," : "NULL::float8,",
            "s.languages, count(*) OVER () FROM bench_services s",
            q.Text != null ? "CROSS JOIN (SELECT websearch_to_tsquery('english', @q) AS q) t" : "",
            near ? NearJoin : "",
            "WHERE true",
            q.Text != null ? "AND s.tsv @@ t.q" : "",
            q.Language != null ? "AND s.languages @> ARRAY[@language]::text[]" : "",
            q.OpenNow ? OpenNow : "",
            $"ORDER BY {(q.Text != null ? "5 DESC, " : "")}{(near ? "6, " : "")}s.id LIMIT 20");
        await using var cmd = db.CreateCommand(sql);
        if (q.Text != null) cmd.Parameters.AddWithValue("q", q.Text);
        if (q.Language != null) cmd.Parameters.AddWithValue("language", q.Language);
        if (near)
        {
            double lat = q.Lat!.Value, lon = q.Lon!.Value, km = q.RadiusKm ?? 500;
            var dLat = km / 111.32;
            var dLon = km / (111.32 * Math.Cos(lat * Math.PI / 180));
            cmd.Parameters.AddWithValue("lat", lat);
            cmd.Parameters.AddWithValue("lon", lon);
            cmd.Parameters.AddWithValue("radius", km);
            cmd.Parameters.AddWithValue("minlat", lat - dLat);
            cmd.Parameters.AddWithValue("maxlat", lat + dLat);
            cmd.Parameters.AddWithValue("minlon", lon - dLon);
            cmd.Parameters.AddWithValue("maxlon", lon + dLon);
        }
        if (q.OpenNow)
        {
            cmd.Parameters.AddWithValue("now", now);
            cmd.Parameters.AddWithValue("zone", Generator.TimeZone);
        }
        var hits = new List<BaselineHit>(20);
        long total = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            hits.Add(new BaselineHit(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(5) ? null : Math.Round(reader.GetDouble(5), 1),
                reader.IsDBNull(4) ? null : reader.GetFloat(4), reader.GetFieldValue<string[]>(6)));
            total = reader.GetInt64(7);
        }
        return new BaselineResponse(total, hits);
    }

    /// <summary>The baseline endpoint's parameters, with the same names and ranges as <c>/api/directory/search</c>.</summary>
    public static (BenchQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        string? Text(string name) => string.IsNullOrWhiteSpace(query[name]) ? null : query[name].ToString().Trim();
        double? Number(string name, double min, double max, out bool bad)
        {
            bad = false;
            if (Text(name) is not { } s) return null;
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
            bad = true;
            return null;
        }
        var lat = Number("lat", -90, 90, out var badLat);
        var lon = Number("lon", -180, 180, out var badLon);
        var radius = Number("radius_km", 0.1, 500, out var badRadius);
        var open = Text("open_now") is { } o && o is "true" or "1" or "on" or "yes";
        if (badLat || badLon || badRadius || lat is null != lon is null || radius != null && lat is null) return (null, "bad place or radius");
        var language = Text("language")?.ToLowerInvariant();
        if (language is { Length: not 2 }) return (null, "bad language");
        return (new BenchQuery("http", Text("q"), language, lat, lon, radius, open), null);
    }
}
