using Kith.Community.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<StaffOrganisation> StaffOrganisations => Set<StaffOrganisation>();
}

/// <summary>The Community tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class CommunityModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<StaffUser>(e =>
        {
            e.ToTable("community_staff");
            e.Property(x => x.DisplayName).HasMaxLength(200);
        });
        builder.Entity<StaffRole>().ToTable("community_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("community_staff_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("community_staff_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("community_staff_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("community_staff_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("community_role_claims");

        builder.Entity<Organisation>(e =>
        {
            e.ToTable("community_organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Website).HasMaxLength(500);
            e.Property(x => x.Phone).HasMaxLength(50);
            e.Property(x => x.Email).HasMaxLength(200);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<Area>(e =>
        {
            e.ToTable("community_areas");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(60);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.HasIndex(x => x.Code).IsUnique();
        });
        builder.Entity<StaffOrganisation>(e =>
        {
            e.ToTable("community_staff_organisations");
            e.HasKey(x => new { x.UserId, x.OrganisationId });
            e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
