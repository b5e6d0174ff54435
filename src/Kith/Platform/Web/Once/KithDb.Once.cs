using Kith.Platform.Web.Once;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<ShownOnceEntry> ShownOnce => Set<ShownOnceEntry>();
    public DbSet<SentOnceEntry> SentOnce => Set<SentOnceEntry>();
}

/// <summary>Results shown once and writes taken once (ADR 26).</summary>
internal sealed class OnceModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<ShownOnceEntry>(e =>
        {
            e.ToTable("platform_shown_once");
            e.HasKey(x => x.IdHash);
            e.Property(x => x.IdHash).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.Content).HasConversion(protectedText);
            e.HasIndex(x => x.ExpiresAt);
        });
        builder.Entity<SentOnceEntry>(e =>
        {
            e.ToTable("platform_sent_once");
            e.HasKey(x => new { x.Scope, x.KeyHash });
            e.Property(x => x.Scope).HasMaxLength(50);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.Response).HasConversion((ValueConverter)protectedText); // nullable: the untyped converter
            e.HasIndex(x => x.ExpiresAt);
        });
    }
}
