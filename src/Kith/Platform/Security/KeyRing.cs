using System.Security.Cryptography;

namespace Kith.Platform.Security;

/// <summary>
/// The directory, outside the database, that holds the Data Protection key ring and Kith's other
/// secrets (e.g. the audit chain key). Every node of a deployment points at the same directory, so a
/// stolen database alone decrypts nothing and forges nothing.
/// </summary>
internal sealed class KeyRing
{
    public const string RestoreHelp = "restore the key ring from its backup (README, \"Back up and restore the key ring\")";

    public KeyRing(IConfiguration configuration, string dataRoot)
    {
        var configured = configuration["Kith:KeyRingPath"] ?? "data/keys";
        Directory = Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(dataRoot, configured));
        System.IO.Directory.CreateDirectory(Directory);
        // Only the service account may read the keys (they decrypt every sensitive column).
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; }

    /// <summary>
    /// Where the deployment provides a certificate (<c>Kith:KeyRingCertificate</c>, a PKCS#12 file, and
    /// <c>Kith:KeyRingCertificatePassword</c>), Data Protection keys are encrypted with it at rest; otherwise
    /// they rely on the folder's permissions alone. Every node needs the same certificate.
    /// </summary>
    public void EncryptKeysAtRest(Microsoft.AspNetCore.DataProtection.IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var certificate = configuration["Kith:KeyRingCertificate"];
        if (string.IsNullOrWhiteSpace(certificate)) return;
        var path = Path.IsPathRooted(certificate) ? certificate : Path.GetFullPath(certificate);
        Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions.ProtectKeysWithCertificate(dataProtection,
            System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Kith:KeyRingCertificatePassword"]));
    }

    public string PathOf(string name) => Path.Combine(Directory, $"secret-{name}.key");

    /// <summary>
    /// A named 256-bit secret. Never created here: a secret that vanished while the database still holds
    /// what it signed must stop Kith, not be silently replaced (<see cref="KeyChecks"/> creates it on first start).
    /// </summary>
    public byte[] Secret(string name) =>
        TryRead(name) ?? throw new KeyRingException($"Secret '{name}' ({PathOf(name)}) is missing or damaged; {RestoreHelp}.");

    /// <summary>The secret, or null when its file is missing, empty or not a 256-bit key.</summary>
    public byte[]? TryRead(string name)
    {
        var path = PathOf(name);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            string text;
            try { text = File.ReadAllText(path).Trim(); }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
            if (text.Length == 0)
            {
                Thread.Sleep(50); // another node may be writing it
                continue;
            }
            var bytes = new byte[32];
            return Convert.TryFromBase64String(text, bytes, out var written) && written == 32 ? bytes : null;
        }
        return null;
    }

    /// <summary>Reads the secret, creating it if it does not exist. Safe when several nodes start at once.</summary>
    public byte[]? ReadOrCreate(string name)
    {
        var path = PathOf(name);
        if (File.Exists(path)) return TryRead(name);
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
            return TryRead(name);
        }
    }
}

/// <summary>The key ring cannot serve what the database needs: Kith must not run (or be ready) without it.</summary>
internal sealed class KeyRingException(string message) : Exception(message);

/// <summary>A secret a module keeps in the key ring; listed so start-up can check each against the database.</summary>
internal sealed record NamedSecret(string Name);

internal static class KeyRingRegistration
{
    /// <summary>Registers <typeparamref name="T"/> built from the named secret, and the secret for the start-up check.</summary>
    public static IServiceCollection AddSecret<T>(this IServiceCollection services, string name, Func<byte[], T> use) where T : class
    {
        services.AddSingleton(new NamedSecret(name));
        return services.AddSingleton(sp => use(sp.GetRequiredService<KeyRing>().Secret(name)));
    }
}
