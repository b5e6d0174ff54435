using Kith.Lines.CheckIns;
using Kith.Lines.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<CheckIn> LineCheckIns => Set<CheckIn>();
    public DbSet<CheckInSend> LineCheckInSends => Set<CheckInSend>();
}

/// <summary>Check-ins and caring contacts (ADR 38): schedules and their due texts.</summary>
internal sealed class CheckInsModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        ValueConverter optionalText = protectedText;
        builder.Entity<CheckIn>(e =>
        {
            e.HasOne<Line>().WithMany().HasForeignKey(x => x.LineId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable("lines_check_ins");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.SenderHash).HasMaxLength(64);
            e.Property(x => x.Number).HasConversion(optionalText);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.ConsentHow).HasMaxLength(200);
            e.Property(x => x.ConsentBy).HasMaxLength(100);
            e.Property(x => x.Weekdays).HasMaxLength(100);
            e.Property(x => x.SenderName).HasMaxLength(40);
            e.Property(x => x.DueDates).HasMaxLength(1000);
            e.Property(x => x.Revision).IsConcurrencyToken();
            // The job's question (what is due) and an inbound text's (which schedules does this number have on this line).
            e.HasIndex(x => new { x.Status, x.NextDueAt });
            e.HasIndex(x => new { x.SenderHash, x.LineId });
        });
        builder.Entity<CheckInSend>(e =>
        {
            e.HasOne<CheckIn>().WithMany().HasForeignKey(x => x.CheckInId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("lines_check_in_sends");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.ProviderId).HasMaxLength(64);
            // Each due text exists once, whichever node found it due: the database says no to a second.
            e.HasIndex(x => new { x.CheckInId, x.Kind, x.DueAt }).IsUnique();
            e.HasIndex(x => new { x.Status, x.ReplyBy });
        });
    }
}
