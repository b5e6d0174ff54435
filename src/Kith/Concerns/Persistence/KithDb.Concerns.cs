using Kith.Concerns.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<ConcernMessage> ConcernMessages => Set<ConcernMessage>();
    public DbSet<ConcernStatusChange> ConcernStatusChanges => Set<ConcernStatusChange>();
    public DbSet<Intervention> Interventions => Set<Intervention>();
    public DbSet<HandOff> HandOffs => Set<HandOff>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<CaseStatus> CaseStatuses => Set<CaseStatus>();
    public DbSet<StatusTransition> StatusTransitions => Set<StatusTransition>();
    public DbSet<ReceiptFailureWindow> ReceiptFailures => Set<ReceiptFailureWindow>();
}

/// <summary>The Concerns tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class ConcernsModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        // The same converter, typed for nullable columns (a null stays null).
        ValueConverter optionalText = protectedText;
        builder.Entity<Concern>(e =>
        {
            e.ToTable("concerns_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Reference).HasMaxLength(16);
            e.HasIndex(x => x.Reference).IsUnique();
            e.Property(x => x.ReceiptHash).HasMaxLength(64);
            e.HasIndex(x => x.ReceiptHash).IsUnique();
            e.Property(x => x.Channel).HasMaxLength(10);
            e.Property(x => x.FiledBy).HasMaxLength(100);
            e.Property(x => x.About).HasMaxLength(20);
            e.Property(x => x.Categories).HasMaxLength(200);
            e.Property(x => x.Urgency).HasMaxLength(20);
            // What people wrote, and who they are if they said: encrypted at rest (key ring outside the database).
            e.Property(x => x.Narrative).HasConversion(optionalText);
            e.Property(x => x.ContactName).HasConversion(optionalText);
            e.Property(x => x.ContactPhone).HasConversion(optionalText);
            e.Property(x => x.ContactEmail).HasConversion(optionalText);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.Tier).HasMaxLength(10);
            e.Property(x => x.TriageRules).HasMaxLength(2000);
            e.Property(x => x.AssignedTo).HasMaxLength(100);
            e.Property(x => x.Status).HasMaxLength(40);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(100);
            e.Property(x => x.Outcome).HasMaxLength(60);
            e.Property(x => x.Flag).HasMaxLength(20);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Ignore(x => x.CategoryCodes);
            e.Ignore(x => x.TierValue);
            // The queue: a team's open concerns by tier and age.
            e.HasIndex(x => new { x.TeamId, x.ClosedAt });
            e.HasIndex(x => x.SubmittedAt);
            // Numbered by a database trigger (migration 0014); the app never writes it.
            e.HasIndex(x => x.Arrival).IsUnique();
            e.Property(x => x.Arrival).Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        });
        builder.Entity<ConcernMessage>(e =>
        {
            e.HasOne<Concern>().WithMany().HasForeignKey(x => x.ConcernId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("concerns_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.AuthorId).HasMaxLength(100);
            e.Property(x => x.Body).HasConversion(protectedText);
            e.Ignore(x => x.ReporterVisible);
            e.HasIndex(x => new { x.ConcernId, x.At });
        });
        builder.Entity<ConcernStatusChange>(e =>
        {
            e.HasOne<Concern>().WithMany().HasForeignKey(x => x.ConcernId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("concerns_status_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.PreviousStatus).HasMaxLength(40);
            e.Property(x => x.Status).HasMaxLength(40);
            e.Property(x => x.ById).HasMaxLength(100);
            e.Property(x => x.Reason).HasConversion(optionalText);
            e.HasIndex(x => new { x.ConcernId, x.At });
        });
        builder.Entity<Intervention>(e =>
        {
            e.HasOne<Concern>().WithMany().HasForeignKey(x => x.ConcernId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("concerns_interventions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Type).HasMaxLength(40);
            e.Property(x => x.ById).HasMaxLength(100);
            e.Property(x => x.Notes).HasConversion(optionalText);
            e.HasIndex(x => x.ConcernId);
        });
        builder.Entity<HandOff>(e =>
        {
            e.HasOne<Concern>().WithMany().HasForeignKey(x => x.ConcernId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("concerns_hand_offs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ById).HasMaxLength(100);
            e.Property(x => x.Reason).HasConversion(protectedText);
            e.HasIndex(x => x.ConcernId);
        });
        builder.Entity<RoutingRule>(e =>
        {
            // A rule sends concerns to one of Responders' teams: the database's foreign key (migration 0003) keeps a
            // team with rules from being deleted; the model does not name another module's entity.
            e.ToTable("concerns_routing_rules");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Category).HasMaxLength(40);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.Tier).HasMaxLength(10);
        });
        builder.Entity<CaseStatus>(e =>
        {
            e.ToTable("concerns_statuses");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Kind).HasMaxLength(10);
        });
        builder.Entity<StatusTransition>(e =>
        {
            e.HasOne<CaseStatus>().WithMany().HasForeignKey(x => x.FromStatus).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CaseStatus>().WithMany().HasForeignKey(x => x.ToStatus).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("concerns_status_transitions");
            e.HasKey(x => new { x.FromStatus, x.ToStatus });
            e.Property(x => x.FromStatus).HasMaxLength(40);
            e.Property(x => x.ToStatus).HasMaxLength(40);
        });
        builder.Entity<ReceiptFailureWindow>(e =>
        {
            e.ToTable("concerns_receipt_failures");
            e.HasKey(x => new { x.Minute, x.Bucket });
        });
    }
}
