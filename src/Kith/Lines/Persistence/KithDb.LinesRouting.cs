using Kith.Lines.Blocks;
using Kith.Lines.Domain;
using Kith.Lines.Routing;
using Kith.Lines.Switchboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<ResponderProfile> LineResponderProfiles => Set<ResponderProfile>();
    public DbSet<RoutingStep> LineRoutingSteps => Set<RoutingStep>();
    public DbSet<LineSwitch> LineSwitches => Set<LineSwitch>();
    public DbSet<SenderFlag> LineSenderFlags => Set<SenderFlag>();
}

/// <summary>Routing, transfers, the switchboard and sender flags of the lines (ADR 37).</summary>
internal sealed class LinesRoutingModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<ResponderProfile>(e =>
        {
            e.ToTable("lines_responder_profiles");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasMaxLength(100);
            e.Property(x => x.Languages).HasMaxLength(100);
            e.Property(x => x.Skills).HasMaxLength(700);
        });
        builder.Entity<RoutingStep>(e =>
        {
            e.ToTable("lines_routing_steps");
            e.HasKey(x => new { x.LineId, x.Position });
            e.HasOne<Line>().WithMany().HasForeignKey(x => x.LineId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Skill).HasMaxLength(30);
        });
        builder.Entity<LineSwitch>(e =>
        {
            e.ToTable("lines_switches");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<Line>().WithMany().HasForeignKey(x => x.FromLineId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Line>().WithMany().HasForeignKey(x => x.ToLineId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.StartedBy).HasMaxLength(100);
            e.Property(x => x.EndedBy).HasMaxLength(100);
            // Every inbound text on a line asks whether it is switched now.
            e.HasIndex(x => new { x.FromLineId, x.EndsAt });
        });
        builder.Entity<SenderFlag>(e =>
        {
            e.ToTable("lines_sender_flags");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.SenderHash).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Reason).HasConversion(protectedText);
            e.Property(x => x.SetBy).HasMaxLength(100);
            e.Property(x => x.LiftedBy).HasMaxLength(100);
            // Every inbound text asks whether its sender is blocked.
            e.HasIndex(x => new { x.SenderHash, x.LiftedAt });
        });
        builder.Entity<Conversation>(e =>
        {
            e.Property(x => x.OfferedTo).HasMaxLength(100);
            e.Property(x => x.OfferedBy).HasMaxLength(100);
        });
    }
}
