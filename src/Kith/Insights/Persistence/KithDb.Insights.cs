using Kith.Insights.Alerts;
using Kith.Insights.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<IndicatorDay> IndicatorDays => Set<IndicatorDay>();
    public DbSet<IndicatorRun> IndicatorRuns => Set<IndicatorRun>();
    public DbSet<InsightAlert> InsightAlerts => Set<InsightAlert>();
    public DbSet<AreaWatch> AreaWatches => Set<AreaWatch>();
    public DbSet<Kith.Insights.Release.PublishedCount> PublishedCounts => Set<Kith.Insights.Release.PublishedCount>();
    public DbSet<Kith.Insights.Stories.Story> InsightStories => Set<Kith.Insights.Stories.Story>();
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
        ValueConverter optionalText = protectedText;
        builder.Entity<InsightAlert>(e =>
        {
            e.ToTable("insights_alerts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Reference).HasMaxLength(12);
            e.Property(x => x.Indicator).HasMaxLength(120);
            e.Property(x => x.Method).HasMaxLength(40);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(64);
            e.Property(x => x.ActionKind).HasMaxLength(30);
            e.Property(x => x.Action).HasConversion(optionalText);
            e.Property(x => x.ActionBy).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(20);
            e.Property(x => x.OutcomeNote).HasConversion(optionalText);
            e.Property(x => x.Revision).IsConcurrencyToken();
            // Once per spike, whichever node finds it first.
            e.HasIndex(x => new { x.Indicator, x.AreaId, x.Week }).IsUnique();
            e.HasIndex(x => x.RaisedAt);
        });
        builder.Entity<AreaWatch>(e =>
        {
            e.ToTable("insights_area_watches");
            e.HasKey(x => new { x.AreaId, x.UserId });
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.AssignedBy).HasMaxLength(64);
        });
        builder.Entity<Kith.Insights.Release.PublishedCount>(e =>
        {
            e.ToTable("insights_published_counts");
            e.HasKey(x => new { x.Family, x.CountKey });
            e.Property(x => x.Family).HasMaxLength(120);
            e.Property(x => x.CountKey).HasMaxLength(200);
        });
    }
}
