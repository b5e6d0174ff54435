using Kith.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<SupervisionNote> SupervisionNotes => Set<SupervisionNote>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<WellbeingCheckIn> WellbeingCheckIns => Set<WellbeingCheckIn>();
    public DbSet<WellbeingTally> WellbeingTallies => Set<WellbeingTally>();
}

/// <summary>People who help, the trainings they hold and when each lapses, and their supervision notes (names, contacts and notes encrypted at rest).</summary>
internal sealed class VolunteersModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        ValueConverter optionalText = protectedText;
        builder.Entity<Volunteer>(e =>
        {
            e.ToTable("volunteers_volunteers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasConversion(protectedText);
            e.Property(x => x.Role).HasMaxLength(20);
            e.Property(x => x.ContactRoute).HasMaxLength(10);
            e.Property(x => x.Contact).HasConversion(optionalText);
            e.Property(x => x.SupervisorId).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.CodeHash).HasMaxLength(64);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.OrganisationId, x.Status });
            e.HasIndex(x => x.CodeHash).IsUnique();
            e.Property(x => x.SubmissionHash).HasMaxLength(64);
            e.HasIndex(x => x.SubmissionHash).IsUnique();
        });
        builder.Entity<WellbeingCheckIn>(e =>
        {
            e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("volunteers_wellbeing_check_ins");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Month).HasMaxLength(7);
            e.Property(x => x.Result).HasConversion(protectedText);
            e.HasIndex(x => new { x.VolunteerId, x.Month }).IsUnique();
        });
        builder.Entity<WellbeingTally>(e =>
        {
            e.ToTable("volunteers_wellbeing_tallies");
            e.HasKey(x => new { x.OrganisationId, x.Month, x.Band });
            e.Property(x => x.Month).HasMaxLength(7);
            e.Property(x => x.Band).HasMaxLength(30);
        });
        builder.Entity<Opportunity>(e =>
        {
            e.ToTable("volunteers_opportunities");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(120);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Commitment).HasMaxLength(120);
            e.Property(x => x.Role).HasMaxLength(20);
            e.HasIndex(x => new { x.Open, x.OrganisationId });
        });
        builder.Entity<Training>(e =>
        {
            e.ToTable("volunteers_trainings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(120);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
        });
        builder.Entity<Certification>(e =>
        {
            e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Training>().WithMany().HasForeignKey(x => x.TrainingId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable("volunteers_certifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.RecordedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.VolunteerId, x.TrainingId });
            e.HasIndex(x => x.ExpiresOn);
        });
        builder.Entity<SupervisionNote>(e =>
        {
            e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("volunteers_supervision_notes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.SupervisorId).HasMaxLength(64);
            e.Property(x => x.Text).HasConversion(protectedText);
            e.HasIndex(x => new { x.VolunteerId, x.WrittenAt });
        });
    }
}
