using Kith.Platform.Audit;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ScheduledJob> ScheduledJobs => Set<ScheduledJob>();
    public DbSet<ProbeRun> ProbeRuns => Set<ProbeRun>();
    public DbSet<Security.KeyCheck> KeyChecks => Set<Security.KeyCheck>();
}

/// <summary>The Platform tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class PlatformModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("platform_audit_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Action).HasMaxLength(100);
            e.Property(x => x.ActorId).HasMaxLength(100);
            e.Property(x => x.SubjectType).HasMaxLength(100);
            e.Property(x => x.SubjectId).HasMaxLength(100);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        builder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("platform_outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Topic).HasMaxLength(100);
            // Payloads may carry message text on its way to a person: encrypted like any sensitive text.
            e.Property(x => x.Payload).HasConversion(protectedText);
            e.Property(x => x.IdempotencyKey).HasMaxLength(200);
            e.Property(x => x.LockedBy).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(500);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            // Only undone work is ever polled: a partial index keeps the poll cheap however much history is kept.
            e.HasIndex(x => x.DueAt).HasFilter("completed_at IS NULL AND failed_at IS NULL");
        });
        builder.Entity<ScheduledJob>(e =>
        {
            e.ToTable("platform_jobs");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.LockedBy).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(500);
        });
        builder.Entity<ProbeRun>(e =>
        {
            e.ToTable("platform_probe_runs");
            e.HasKey(x => x.Id);
            e.Property(x => x.NodeId).HasMaxLength(100);
            e.HasIndex(x => x.MessageId);
        });
        builder.Entity<Security.KeyCheck>(e =>
        {
            e.ToTable("platform_key_checks");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CheckValue).HasColumnName("check_value");
        });
    }
}
