using Kith.Responders.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<OnCallShift> OnCallShifts => Set<OnCallShift>();
}

/// <summary>The Responders tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class RespondersModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<Alert>(e =>
        {
            // No foreign key to the subject: it lives in another module's table (migration 20261205T1100_responders_subjects kept every concern's alerts).
            e.ToTable("responders_alerts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.UserId).HasMaxLength(100);
            e.Property(x => x.SubjectKind).HasMaxLength(20);
            e.Property(x => x.SubjectReference).HasMaxLength(40);
            e.Property(x => x.SubjectLink).HasMaxLength(200);
            e.Property(x => x.SubjectTier).HasMaxLength(10);
            e.Property(x => x.Kind).HasMaxLength(30);
            e.HasIndex(x => new { x.UserId, x.SubjectKind, x.SubjectId, x.Kind, x.Level }).IsUnique();
        });
        builder.Entity<Team>(e =>
        {
            e.ToTable("responders_teams");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.LeadUserId).HasMaxLength(100);
        });
        builder.Entity<TeamMember>(e =>
        {
            e.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("responders_team_members");
            e.HasKey(x => new { x.TeamId, x.UserId });
            e.Property(x => x.UserId).HasMaxLength(100);
            e.HasIndex(x => x.UserId);
        });
        builder.Entity<OnCallShift>(e =>
        {
            e.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("responders_on_call");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.UserId).HasMaxLength(100);
            e.HasIndex(x => new { x.TeamId, x.StartsAt });
        });
    }
}
