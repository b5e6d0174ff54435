using Kith.Screening.Campaigns.Aggregates;
using Kith.Screening.Campaigns.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<Campaign> ScreeningCampaigns => Set<Campaign>();
    public DbSet<CampaignRelease> ScreeningCampaignReleases => Set<CampaignRelease>();
}

/// <summary>The Campaigns tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class CampaignsModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<Campaign>(e =>
        {
            e.ToTable("screening_campaigns");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(16);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Audience).HasMaxLength(200);
            e.Property(x => x.Instruments).HasMaxLength(400);
            e.Property(x => x.Groups).HasMaxLength(2000);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Ignore(x => x.InstrumentIds);
            e.Ignore(x => x.GroupNames);
            e.HasIndex(x => x.OrganisationId);
        });
        builder.Entity<CampaignRelease>(e =>
        {
            e.ToTable("screening_campaign_releases");
            e.HasKey(x => new { x.CampaignId, x.InstrumentId, x.Number });
            e.Property(x => x.InstrumentId).HasMaxLength(40);
        });
    }
}
