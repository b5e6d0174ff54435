using Kith.Referrals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralStep> ReferralSteps => Set<ReferralStep>();
    public DbSet<ReferralIntake> ReferralIntakes => Set<ReferralIntake>();
}

/// <summary>Referrals between partner organisations: the referral, its history of steps, and who takes them in.</summary>
internal sealed class ReferralsModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        ValueConverter optionalText = protectedText;
        builder.Entity<Referral>(e =>
        {
            e.ToTable("referrals_referrals");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Reference).HasMaxLength(12);
            e.Property(x => x.RequestedBy).HasMaxLength(64);
            e.Property(x => x.ServiceId).HasMaxLength(100);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.StatusReason).HasConversion(optionalText);
            e.Property(x => x.Outcome).HasMaxLength(30);
            e.Property(x => x.PersonName).HasConversion(protectedText);
            e.Property(x => x.ContactPreference).HasMaxLength(20);
            e.Property(x => x.Contact).HasConversion(optionalText);
            e.Property(x => x.Need).HasConversion(optionalText);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.RiskTier).HasMaxLength(20);
            e.Property(x => x.ConsentHow).HasMaxLength(20);
            e.Property(x => x.SourceKind).HasMaxLength(20);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Ignore(x => x.State);
            e.HasIndex(x => x.Reference).IsUnique();
            // Each side's list, newest first; the deadline job's question (requested and past its time).
            e.HasIndex(x => new { x.ReceiverOrganisationId, x.CreatedAt });
            e.HasIndex(x => new { x.RequesterOrganisationId, x.CreatedAt });
            e.HasIndex(x => new { x.Status, x.RespondBy });
        });
        builder.Entity<ReferralStep>(e =>
        {
            e.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("referrals_steps");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FromStatus).HasMaxLength(20);
            e.Property(x => x.ToStatus).HasMaxLength(20);
            e.Property(x => x.Party).HasMaxLength(20);
            e.Property(x => x.ByUserId).HasMaxLength(64);
            e.Property(x => x.Reason).HasConversion(optionalText);
            e.Property(x => x.Outcome).HasMaxLength(30);
            e.HasIndex(x => new { x.ReferralId, x.At });
        });
        builder.Entity<ReferralIntake>(e =>
        {
            e.ToTable("referrals_intakes");
            e.HasKey(x => x.OrganisationId);
            e.Property(x => x.OrganisationId).ValueGeneratedNever();
        });
    }
}
