using System.IO.Compression;
using System.Text.Json;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>The files of a tabular data package, wherever they are: a directory or a zip archive.</summary>
internal interface IPackageFiles : IDisposable
{
    /// <summary>The file's content, or null when the package does not hold it.</summary>
    Stream? Open(string path);
    long? Length(string path);
}

/// <summary>
/// What <c>directory import</c> was pointed at, opened: a tabular data package (a directory, its datapackage.json,
/// a .zip; local or at an http(s) URL, whose resources are then fetched relative to it) or an HSDS JSON document.
/// </summary>
internal sealed class HsdsInput : IDisposable
{
    public const long MaxDownloadBytes = 200L * 1024 * 1024;
    private const long MaxUnzippedBytes = 1024L * 1024 * 1024;

    private string? temporary;
    public IPackageFiles? Package { get; private init; }
    public byte[]? Json { get; private init; }
    /// <summary>The name problems are reported under for a JSON document.</summary>
    public string Name { get; private init; } = "";

    public static async Task<HsdsInput> OpenAsync(string pathOrUrl, HttpClient http, CancellationToken ct)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return await DownloadAsync(url, http, ct);
        if (Directory.Exists(pathOrUrl)) return new() { Package = new DirectoryFiles(pathOrUrl) };
        if (!File.Exists(pathOrUrl)) throw new FileNotFoundException($"No file or directory '{pathOrUrl}'.");
        if (pathOrUrl.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return new() { Package = ZipFiles.Open(File.OpenRead(pathOrUrl)) };
        var bytes = await File.ReadAllBytesAsync(pathOrUrl, ct);
        return IsDatapackage(bytes)
            ? new() { Package = new DirectoryFiles(Path.GetDirectoryName(Path.GetFullPath(pathOrUrl))!) }
            : new() { Json = bytes, Name = Path.GetFileName(pathOrUrl) };
    }

    private static async Task<HsdsInput> DownloadAsync(Uri url, HttpClient http, CancellationToken ct)
    {
        var bytes = await FetchAsync(http, url, ct) ?? throw new FileNotFoundException($"{url} was not found (404).");
        var name = Path.GetFileName(url.AbsolutePath) is { Length: > 0 } n ? n : url.Host;
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K') return new() { Package = ZipFiles.Open(new MemoryStream(bytes)) };
        if (!IsDatapackage(bytes)) return new() { Json = bytes, Name = name };
        // A datapackage.json at a URL: fetch each resource it names (relative to it) that the server has.
        var directory = Directory.CreateTempSubdirectory("kith-import-").FullName;
        var input = new HsdsInput { Package = new DirectoryFiles(directory), temporary = directory };
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, "datapackage.json"), bytes, ct);
            long total = bytes.Length;
            foreach (var path in ResourcePaths(bytes))
            {
                if (!DirectoryFiles.IsSafe(path)) continue;
                var resource = await FetchAsync(http, new Uri(url, path), ct, MaxDownloadBytes - total);
                if (resource is null) continue;
                total += resource.Length;
                var file = Path.Combine(directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllBytesAsync(file, resource, ct);
            }
            return input;
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    private static async Task<byte[]?> FetchAsync(HttpClient http, Uri url, CancellationToken ct, long cap = MaxDownloadBytes)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        if (response.Content.Headers.ContentLength > cap) throw new InvalidDataException($"{url} is larger than {MaxDownloadBytes / 1024 / 1024} MB.");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > cap) throw new InvalidDataException($"{url} is larger than {MaxDownloadBytes / 1024 / 1024} MB.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The resource (name, path) pairs a datapackage.json lists; empty when it is not one.</summary>
    public static IReadOnlyList<(string Name, string Path)> Resources(byte[] datapackage)
    {
        try
        {
            using var doc = JsonDocument.Parse(datapackage);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("resources", out var resources)
                || resources.ValueKind != JsonValueKind.Array) return [];
            return resources.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                    && r.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String)
                .Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("path").GetString()!)).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IEnumerable<string> ResourcePaths(byte[] datapackage) => Resources(datapackage).Select(r => r.Path);

    private static bool IsDatapackage(byte[] bytes) => Resources(bytes).Count > 0;

    public void Dispose()
    {
        Package?.Dispose();
        if (temporary is not null)
            try { Directory.Delete(temporary, recursive: true); } catch (IOException) { }
    }

    private sealed class DirectoryFiles(string root) : IPackageFiles
    {
        /// <summary>A resource path stays inside the package: no rooted paths, no "..".</summary>
        public static bool IsSafe(string path) =>
            !Path.IsPathRooted(path) && !path.Replace('\\', '/').Split('/').Contains("..");

        public Stream? Open(string path) => IsSafe(path) && File.Exists(Path.Combine(root, path)) ? File.OpenRead(Path.Combine(root, path)) : null;
        public long? Length(string path) => IsSafe(path) && File.Exists(Path.Combine(root, path)) ? new FileInfo(Path.Combine(root, path)).Length : null;
        public void Dispose() { }
    }

    private sealed class ZipFiles(ZipArchive zip, string prefix) : IPackageFiles
    {
        public static ZipFiles Open(Stream stream)
        {
            var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) > MaxUnzippedBytes)
            {
                zip.Dispose();
                throw new InvalidDataException($"The zip unpacks to more than {MaxUnzippedBytes / 1024 / 1024} MB.");
            }
            // The package may sit in a folder inside the archive: its datapackage.json (or first CSV) says where.
            var anchor = zip.Entries.Where(e => e.Name == "datapackage.json").MinBy(e => e.FullName.Length)
                ?? zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).MinBy(e => e.FullName.Length);
            return new ZipFiles(zip, anchor is null ? "" : anchor.FullName[..^anchor.Name.Length]);
        }

        public Stream? Open(string path) => zip.GetEntry(prefix + path)?.Open();
        public long? Length(string path) => zip.GetEntry(prefix + path)?.Length;
        public void Dispose() => zip.Dispose();
    }
}
