using Kith.Insights.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<IndicatorDay> IndicatorDays => Set<IndicatorDay>();
    public DbSet<IndicatorRun> IndicatorRuns => Set<IndicatorRun>();
}

/// <summary>Insights: indicators per area and day, counted from the modules' facts (aggregates only, nothing about a person).</summary>
internal sealed class InsightsModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<IndicatorDay>(e =>
        {
            e.ToTable("insights_indicator_days");
            e.HasKey(x => new { x.Indicator, x.AreaId, x.Day });
            e.Property(x => x.Indicator).HasMaxLength(120);
            // A dashboard reads one indicator over a run of days for every area; a recount deletes a run of days.
            e.HasIndex(x => x.Day);
        });
        builder.Entity<IndicatorRun>(e =>
        {
            e.ToTable("insights_indicator_runs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
    }
}
