using Kith.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<DevMessage> DevMessages => Set<DevMessage>();
}

/// <summary>The Messaging tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class MessagingModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<DevMessage>(e =>
        {
            e.ToTable("platform_dev_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Recipient).HasMaxLength(320);
            e.Property(x => x.Subject).HasMaxLength(500);
            e.Property(x => x.Body).HasConversion(protectedText);
            e.Property(x => x.IdempotencyKey).HasMaxLength(200);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            // The page lists the newest first.
            e.HasIndex(x => x.SentAt);
        });
    }
}
