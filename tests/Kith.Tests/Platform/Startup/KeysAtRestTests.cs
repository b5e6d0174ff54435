using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kith.Platform.Security;

namespace Kith.Tests.Platform.Startup;

/// <summary>An app given a certificate for its key ring (a PKCS#12 file of the deployment's).</summary>
public sealed class CertificateKeyRingApp : KithApp
{
    public CertificateKeyRingApp()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=kith-key-ring-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Directory.CreateDirectory(Path.GetDirectoryName(CertificatePath)!);
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pkcs12, "test-password"));
        Set("Kith:KeyRingCertificate", CertificatePath);
        Set("Kith:KeyRingCertificatePassword", "test-password");
    }

    public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), "kith-tests", "cert-" + Guid.NewGuid().ToString("N") + ".pfx");
}

/// <summary>With a certificate configured, Data Protection keys are encrypted at rest, not plain XML in the folder.</summary>
[Trait("Category", "Integration")]
public sealed class KeysAtRestTests(CertificateKeyRingApp app) : IClassFixture<CertificateKeyRingApp>
{
    [Fact]
    public async Task Data_Protection_keys_are_written_encrypted_with_the_deployments_certificate()
    {
        Assert.Empty(await app.Services.GetRequiredService<KeyChecks>().VerifyAndRecordAsync()); // makes and records the first key

        var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(app.KeyRingPath, "key-*.xml")));
        Assert.Contains("<encryptedSecret", key);
        Assert.DoesNotContain("<masterKey", key); // the plain form, "the key below is in an unencrypted form"
        Assert.Empty(await app.Services.GetRequiredService<KeyChecks>().VerifyAsync());
        File.Delete(app.CertificatePath);
    }
}
