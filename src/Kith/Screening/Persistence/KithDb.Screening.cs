using Kith.Screening.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<ScreeningResponse> ScreeningResponses => Set<ScreeningResponse>();
}

/// <summary>The Screening tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class ScreeningModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        ValueConverter optionalText = protectedText;
        builder.Entity<ScreeningResponse>(e =>
        {
            e.ToTable("screening_responses");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.InstrumentId).HasMaxLength(40);
            e.Property(x => x.InstrumentVersion).HasMaxLength(10);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.Channel).HasMaxLength(12);
            e.Property(x => x.CampaignGroup).HasMaxLength(60);
            e.Property(x => x.Score).HasPrecision(7, 2);
            e.Property(x => x.Scores).HasMaxLength(200);
            e.Property(x => x.Band).HasMaxLength(40);
            e.Property(x => x.Flags).HasMaxLength(200);
            e.Property(x => x.Safety).HasMaxLength(20);
            e.Property(x => x.ConcernReference).HasMaxLength(16);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
            // Who the person is and what they answered: encrypted at rest (key ring outside the database). The
            // ciphertext has no useful length, so Subject.MaxName/MaxIdentifier are held by the one write path.
            e.Property(x => x.SubjectName).HasConversion(optionalText);
            e.Property(x => x.SubjectIdentifier).HasConversion(optionalText);
            e.Property(x => x.Answers).HasConversion(optionalText);
            // Aggregates: a campaign's responses by group; indicators by instrument and day.
            e.HasIndex(x => new { x.CampaignId, x.InstrumentId });
            e.HasIndex(x => new { x.InstrumentId, x.SubmittedAt });
            // A team's identified responses, newest first (the staff list).
            e.HasIndex(x => new { x.TeamId, x.SubmittedAt });
        });
    }
}
