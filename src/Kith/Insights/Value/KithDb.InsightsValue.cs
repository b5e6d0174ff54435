using Kith.Insights.Value;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<ValueAssumption> ValueAssumptions => Set<ValueAssumption>();
}

/// <summary>Insights: the prevention-value assumptions, one row per version (nothing about a person; notes are not sensitive).</summary>
internal sealed class InsightsValueModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText) =>
        builder.Entity<ValueAssumption>(e =>
        {
            e.ToTable("insights_value_assumptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.Version).IsUnique();
            e.Property(x => x.ChangedBy).HasMaxLength(64);
            e.Property(x => x.ChangedByName).HasMaxLength(200);
            e.Property(x => x.CostBasis).HasMaxLength(20);
            e.Property(x => x.ReturnSource).HasMaxLength(ValueInput.SourceLength);
            e.Property(x => x.ReturnLink).HasMaxLength(ValueInput.LinkLength);
            foreach (var note in new[] { nameof(ValueAssumption.CostNote), nameof(ValueAssumption.ReachNote), nameof(ValueAssumption.EffectNote),
                         nameof(ValueAssumption.CostAvertedNote), nameof(ValueAssumption.ReturnNote) })
                e.Property(note).HasMaxLength(ValueInput.NoteLength);
        });
}
