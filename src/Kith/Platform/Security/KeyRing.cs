using System.Security.Cryptography;

namespace Kith.Platform.Security;

/// <summary>
/// The directory, outside the database, that holds the Data Protection key ring and Kith's other
/// secrets (e.g. the audit chain key). Every node of a deployment points at the same directory, so a
/// stolen database alone decrypts nothing and forges nothing.
/// </summary>
internal sealed class KeyRing
{
    public KeyRing(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Kith:KeyRingPath"] ?? "data/keys";
        Directory = Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
        System.IO.Directory.CreateDirectory(Directory);
        // Only the service account may read the keys (they decrypt every sensitive column).
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; }

    /// <summary>A named 256-bit secret, created on first use. Safe when several nodes start at once.</summary>
    public byte[] Secret(string name)
    {
        var path = Path.Combine(Directory, $"secret-{name}.key");
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (File.Exists(path))
            {
                var text = File.ReadAllText(path).Trim();
                if (text.Length > 0) return Convert.FromBase64String(text);
                Thread.Sleep(50); // another node is writing it
                continue;
            }
            var fresh = RandomNumberGenerator.GetBytes(32);
            var temp = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temp, Convert.ToBase64String(fresh));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temp, path, overwrite: false);
                return fresh;
            }
            catch (IOException)
            {
                File.Delete(temp); // lost the race: read the winner's secret
            }
        }
        throw new InvalidOperationException($"Secret '{name}' in {Directory} could not be read.");
    }
}
