using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Kith.Platform.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Kith.Tests.Platform;

/// <summary>Sensitive free text is encrypted at rest (outbox payloads here) and only this deployment's key ring reads it.</summary>
[Trait("Category", "Integration")]
public sealed class SensitiveTextTests(KithApp app) : IClassFixture<KithApp>
{
    private const string Secret = "I have been feeling hopeless since March";

    [Fact]
    public async Task Outbox_payloads_are_stored_encrypted_and_read_back_as_plaintext()
    {
        var topic = "test.sensitive." + Guid.NewGuid().ToString("N");
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            var message = OutboxMessage.Create(topic, new { Text = Secret }, DateTime.UtcNow);
            id = message.Id;
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            var raw = await db.Database.SqlQuery<string>($"SELECT payload AS \"Value\" FROM platform_outbox WHERE topic = {topic}").SingleAsync();
            Assert.StartsWith(SensitiveText.Prefix, raw);
            Assert.DoesNotContain("hopeless", raw);
            Assert.DoesNotContain(Secret, raw);

            var read = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(new { Text = Secret }), read.Payload);
            Assert.Equal(Secret, new OutboxDelivery(read.Id, read.Topic, read.Payload, 1).Read<Payload>().Text);
        }
    }

    [Fact]
    public async Task A_value_that_merely_starts_with_the_prefix_is_still_encrypted_at_rest()
    {
        var typed = SensitiveText.Prefix + "not really ciphertext, " + Secret;
        var topic = "test.prefix." + Guid.NewGuid().ToString("N");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            db.Outbox.Add(new OutboxMessage { Id = Guid.NewGuid(), Topic = topic, Payload = typed, CreatedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            var raw = await db.Database.SqlQuery<string>($"SELECT payload AS \"Value\" FROM platform_outbox WHERE topic = {topic}").SingleAsync();
            Assert.DoesNotContain(Secret, raw);
            Assert.Equal(typed, (await db.Outbox.AsNoTracking().SingleAsync(m => m.Topic == topic)).Payload);
        }
    }

    [Fact]
    public void The_app_converter_never_double_encrypts_its_own_ciphertext()
    {
        var text = app.Services.GetRequiredService<SensitiveText>();
        var once = text.Protect(Secret);

        Assert.Equal(once, text.Protect(once));
        Assert.True(text.IsProtected(once));
        Assert.Equal(Secret, text.Unprotect(text.Protect(once)));
    }

    [Fact]
    public async Task Contexts_with_other_key_rings_share_the_model_yet_each_reads_only_its_own_ciphertext()
    {
        // Two key rings in one process, as two test hosts are: one model (with its compiled queries) for both, since
        // the model holds no key ring (ADR 0035), and still each context encrypts and decrypts with its own.
        var options = app.Services.GetRequiredService<DbContextOptions<KithDb>>();
        var ours = app.Services.GetRequiredService<SensitiveText>();
        using var foreign = new ForeignKeyRing();
        await using var a = new KithDb(options, ours);
        await using var b = new KithDb(options, foreign.Text);
        Assert.Same(a.Model, b.Model);

        var topic = "test.rings." + Guid.NewGuid().ToString("N");
        OutboxMessage Row(string text) => new()
        {
            Id = Guid.NewGuid(), Topic = topic, Payload = text, CreatedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow,
            CompletedAt = DateTime.UtcNow, // never polled: the job runner of this app has no business with the other ring's row
        };
        var mine = Row("ours: " + Secret);
        var theirs = Row("theirs: " + Secret);
        a.Outbox.Add(mine);
        b.Outbox.Add(theirs);
        await Task.WhenAll(a.SaveChangesAsync(), b.SaveChangesAsync()); // a's save does not wait on b's: own contexts, own flows

        // Many reads at once and one after another in one flow, alternating rings: each gets its own plaintext.
        async Task<string> Read(SensitiveText ring, Guid id)
        {
            await using var db = new KithDb(options, ring);
            return (await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id)).Payload;
        }
        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? Read(ours, mine.Id) : Read(foreign.Text, theirs.Id)));
        Assert.All(reads.Where((_, i) => i % 2 == 0), r => Assert.Equal(mine.Payload, r));
        Assert.All(reads.Where((_, i) => i % 2 == 1), r => Assert.Equal(theirs.Payload, r));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(mine.Payload, (await a.Outbox.AsNoTracking().SingleAsync(m => m.Id == mine.Id)).Payload);
            Assert.Equal(theirs.Payload, (await b.Outbox.AsNoTracking().Where(m => m.Id == theirs.Id).ToListAsync()).Single().Payload);
        }

        // Each row is stored encrypted, and neither ring reads the other's ciphertext: the read fails, it never guesses.
        var raw = await a.Database.SqlQuery<string>($"SELECT payload AS \"Value\" FROM platform_outbox WHERE topic = {topic}").ToListAsync();
        Assert.Equal(2, raw.Count);
        Assert.All(raw, r => Assert.DoesNotContain(Secret, r));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => a.Outbox.AsNoTracking().SingleAsync(m => m.Id == theirs.Id));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => b.Outbox.AsNoTracking().SingleAsync(m => m.Id == mine.Id));

        // Outside a context's query or save there is no key ring to use, and the converter refuses.
        var cipher = ours.Protect(Secret);
        var outside = await Task.Run(() =>
        {
            using (ExecutionContext.SuppressFlow()) return Task.Run(() => Record.Exception(() => ProtectedText.Unprotect(cipher)));
        });
        Assert.IsType<InvalidOperationException>(outside);
    }

    private sealed record Payload(string Text);

    private sealed class ForeignKeyRing : IDisposable
    {
        private readonly string directory = Path.Combine(Path.GetTempPath(), "kith-tests", "ring-" + Guid.NewGuid().ToString("N"));

        public ForeignKeyRing() => Text = new SensitiveText(DataProtectionProvider.Create(new DirectoryInfo(directory), b => b.SetApplicationName("Kith")));

        public SensitiveText Text { get; }

        public void Dispose()
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>The protect/unprotect rules over many values, with key rings in temporary directories.</summary>
public sealed class SensitiveTextRuleTests : IDisposable
{
    private readonly List<string> directories = [];

    [Fact]
    public void Protect_round_trips_never_double_encrypts_and_encrypts_anything_typed_with_the_prefix()
    {
        var text = NewSensitiveText();
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)), plain =>
        {
            var once = text.Protect(plain);
            var typedPrefix = text.Protect(SensitiveText.Prefix + plain);
            return once.StartsWith(SensitiveText.Prefix, StringComparison.Ordinal)
                   && once != plain
                   && text.Protect(once) == once
                   && text.Unprotect(once) == plain
                   && typedPrefix != SensitiveText.Prefix + plain
                   && text.Unprotect(typedPrefix) == SensitiveText.Prefix + plain;
        }));
    }

    [Fact]
    public void Another_key_ring_cannot_read_the_ciphertext_and_re_encrypts_it_rather_than_trusting_it()
    {
        var ours = NewSensitiveText();
        var theirs = NewSensitiveText();
        var cipher = ours.Protect("call me back after 6pm");

        Assert.ThrowsAny<CryptographicException>(() => theirs.Unprotect(cipher));
        Assert.False(theirs.IsProtected(cipher));
        Assert.NotEqual(cipher, theirs.Protect(cipher));
    }

    [Fact]
    public void Values_written_before_encryption_still_read()
    {
        Assert.Equal("legacy plain text", NewSensitiveText().Unprotect("legacy plain text"));
    }

    private SensitiveText NewSensitiveText()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kith-tests", "ring-" + Guid.NewGuid().ToString("N"));
        directories.Add(dir);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Kith:KeyRingPath", dir)]).Build();
        var ring = new KeyRing(configuration, Path.GetTempPath());
        var provider = DataProtectionProvider.Create(new DirectoryInfo(ring.Directory), b => b.SetApplicationName("Kith"));
        return new SensitiveText(provider);
    }

    public void Dispose()
    {
        foreach (var d in directories)
            try { Directory.Delete(d, recursive: true); } catch (IOException) { }
    }
}
