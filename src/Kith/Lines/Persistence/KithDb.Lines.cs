using Kith.Lines.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<Line> Lines => Set<Line>();
}

/// <summary>The Lines tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class LinesModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<Line>(e =>
        {
            e.ToTable("lines_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Slug).HasMaxLength(60);
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Audience).HasMaxLength(200);
            e.Property(x => x.Languages).HasMaxLength(100);
            e.Property(x => x.SmsNumber).HasMaxLength(20);
            // Inbound texts find their line by the number they were sent to.
            e.HasIndex(x => x.SmsNumber).IsUnique();
            e.Property(x => x.ShortCode).HasMaxLength(6);
            e.Property(x => x.Keyword).HasMaxLength(20);
            e.Property(x => x.TimeZone).HasMaxLength(60);
            e.Property(x => x.Holidays).HasMaxLength(4000);
            e.Property(x => x.Teams).HasMaxLength(1000);
            e.HasOne<Line>().WithMany().HasForeignKey(x => x.BackupLineId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
