using Kith.Lines.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<Line> Lines => Set<Line>();
    public DbSet<Conversation> LineConversations => Set<Conversation>();
    public DbSet<Message> LineMessages => Set<Message>();
    public DbSet<OptOut> LineOptOuts => Set<OptOut>();
    public DbSet<Kith.Lines.CannedResponses.CannedResponse> LineCannedResponses => Set<Kith.Lines.CannedResponses.CannedResponse>();
}

/// <summary>The Lines tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class LinesModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        // The same converter, typed for nullable columns (a null stays null).
        ValueConverter optionalText = protectedText;
        builder.Entity<Line>(e =>
        {
            e.ToTable("lines_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Slug).HasMaxLength(60);
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Audience).HasMaxLength(200);
            e.Property(x => x.Languages).HasMaxLength(100);
            e.Property(x => x.SmsNumber).HasMaxLength(20);
            // Inbound texts find their line by the number they were sent to.
            e.HasIndex(x => x.SmsNumber).IsUnique();
            e.Property(x => x.ShortCode).HasMaxLength(6);
            e.Property(x => x.Keyword).HasMaxLength(20);
            e.Property(x => x.TimeZone).HasMaxLength(60);
            e.Property(x => x.Holidays).HasMaxLength(4000);
            e.Property(x => x.Teams).HasMaxLength(1000);
            e.HasOne<Line>().WithMany().HasForeignKey(x => x.BackupLineId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Conversation>(e =>
        {
            e.HasOne<Line>().WithMany().HasForeignKey(x => x.LineId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable("lines_conversations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Reference).HasMaxLength(16);
            e.HasIndex(x => x.Reference).IsUnique();
            e.Property(x => x.Channel).HasMaxLength(10);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.Tier).HasMaxLength(10);
            e.Property(x => x.TierRules).HasMaxLength(2000);
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.AssignedTo).HasMaxLength(100);
            // The sender is a keyed hash; the number itself only encrypted, and only while a reply may be needed.
            e.Property(x => x.SenderHash).HasMaxLength(64);
            e.Property(x => x.SenderNumber).HasConversion(optionalText);
            e.Property(x => x.Disposition).HasMaxLength(40);
            e.Property(x => x.Referrals).HasMaxLength(1000);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Ignore(x => x.IsRisk);
            e.Ignore(x => x.WaitingSince);
            // A sender's open conversation on a line; the queue by line, status and arrival.
            e.HasIndex(x => new { x.SenderHash, x.ClosedAt });
            e.HasIndex(x => new { x.LineId, x.Status, x.StartedAt });
        });
        builder.Entity<Message>(e =>
        {
            e.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("lines_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Direction).HasMaxLength(3);
            e.Property(x => x.Text).HasConversion(protectedText);
            e.Property(x => x.AuthorId).HasMaxLength(100);
            e.Property(x => x.ProviderId).HasMaxLength(64);
            e.Property(x => x.DeliveryStatus).HasMaxLength(30);
            e.HasIndex(x => new { x.ConversationId, x.At });
            // Delivery callbacks and repeated webhooks find a text by the provider's id.
            e.HasIndex(x => x.ProviderId);
        });
        builder.Entity<OptOut>(e =>
        {
            e.ToTable("lines_opt_outs");
            e.HasKey(x => x.SenderHash);
            e.Property(x => x.SenderHash).HasMaxLength(64);
        });
        builder.Entity<Kith.Lines.CannedResponses.CannedResponse>(e =>
        {
            e.HasOne<Line>().WithMany().HasForeignKey(x => x.LineId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("lines_canned_responses");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Text).HasMaxLength(1600);
            // The console asks for one language, for its line or all lines.
            e.HasIndex(x => new { x.LineId, x.Language });
        });
    }
}
