using Kith.Groups.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupSessionChange> GroupSessionChanges => Set<GroupSessionChange>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<Enrolment> GroupEnrolments => Set<Enrolment>();
    public DbSet<Attendance> GroupAttendance => Set<Attendance>();
    public DbSet<GroupLeader> GroupLeaders => Set<GroupLeader>();
    public DbSet<Kith.Groups.Feedback.SessionFeedback> GroupFeedback => Set<Kith.Groups.Feedback.SessionFeedback>();
    public DbSet<Kith.Groups.Feedback.GroupOutcome> GroupOutcomes => Set<Kith.Groups.Feedback.GroupOutcome>();
    public DbSet<Buddy> GroupBuddies => Set<Buddy>();
}

/// <summary>Groups and programmes: the group and its rule, sessions that changed, and the people enrolled (their name and contact encrypted at rest).</summary>
internal sealed class GroupsModel : IModuleModel
{
    /// <summary>
    /// Session times are wall-clock times where the deployment is (a 6 pm group stays at 6 pm across a clock change), not
    /// instants: stored as ISO text ("2027-03-09T18:00:00"), which sorts in time order on both providers and which
    /// PostgreSQL's timestamptz could not hold without inventing an offset.
    /// </summary>
    private static readonly ValueConverter<DateTime, string> Local = new(
        v => v.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        v => DateTime.ParseExact(v, "yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));

    private static readonly ValueConverter<DateTime?, string?> OptionalLocal = new(
        v => v == null ? null : v.Value.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        v => v == null ? null : DateTime.ParseExact(v, "yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));

    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        ValueConverter optionalText = protectedText;
        builder.Entity<Group>(e =>
        {
            e.ToTable("groups_groups");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(120);
            e.Property(x => x.Kind).HasMaxLength(30);
            e.Property(x => x.Focus).HasMaxLength(120);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Needs).HasMaxLength(200);
            e.Property(x => x.Facilitators).HasMaxLength(200);
            e.Property(x => x.LocationId).HasMaxLength(100);
            e.Property(x => x.VideoUrl).HasMaxLength(500);
            e.Property(x => x.Rule).HasMaxLength(200);
            e.Property(x => x.FirstStartLocal).HasConversion(Local).HasMaxLength(19);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.ServiceId).HasMaxLength(100);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.OrganisationId, x.Name });
        });
        builder.Entity<GroupSessionChange>(e =>
        {
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("groups_session_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.OriginalStartLocal).HasConversion(Local).HasMaxLength(19);
            e.Property(x => x.MovedToLocal).HasConversion(OptionalLocal).HasMaxLength(19);
            e.HasIndex(x => new { x.GroupId, x.OriginalStartLocal }).IsUnique();
        });
        builder.Entity<GroupMember>(e =>
        {
            e.ToTable("groups_members");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasConversion(protectedText);
            e.Property(x => x.ContactRoute).HasMaxLength(10);
            e.Property(x => x.Contact).HasConversion(optionalText);
            e.Property(x => x.CodeHash).HasMaxLength(64);
            e.Property(x => x.FeedHash).HasMaxLength(64);
            e.HasIndex(x => x.CodeHash).IsUnique();
            e.HasIndex(x => x.FeedHash).IsUnique();
        });
        builder.Entity<Enrolment>(e =>
        {
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<GroupMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("groups_enrolments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.InterpreterLanguage).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(12);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.GroupId, x.MemberId }).IsUnique();
            e.HasIndex(x => new { x.GroupId, x.Status, x.JoinedAt });
        });
        builder.Entity<Attendance>(e =>
        {
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("groups_attendance");
            e.HasKey(x => new { x.EnrolmentId, x.SessionLocal });
            e.Property(x => x.SessionLocal).HasConversion(Local).HasMaxLength(19);
        });
        builder.Entity<Kith.Groups.Feedback.GroupOutcome>(e =>
        {
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("groups_outcomes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Moment).HasMaxLength(10);
            e.Property(x => x.PairHash).HasMaxLength(64);
            e.Property(x => x.Band).HasMaxLength(30);
            e.HasIndex(x => new { x.PairHash, x.Moment }).IsUnique();
            e.HasIndex(x => x.GroupId);
        });
        builder.Entity<Kith.Groups.Feedback.SessionFeedback>(e =>
        {
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("groups_feedback");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.SessionLocal).HasConversion(Local).HasMaxLength(19);
            e.Property(x => x.Comment).HasConversion(optionalText);
            e.Property(x => x.OnceHash).HasMaxLength(64);
            e.HasIndex(x => x.OnceHash).IsUnique();
            e.HasIndex(x => new { x.GroupId, x.SessionLocal });
        });
        builder.Entity<GroupLeader>(e =>
        {
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("groups_leaders");
            e.HasKey(x => new { x.GroupId, x.VolunteerId });
            e.HasIndex(x => x.VolunteerId);
        });
        builder.Entity<Buddy>(e =>
        {
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("groups_buddies");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.NudgedBefore).HasConversion(OptionalLocal).HasMaxLength(19);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.EnrolmentId).IsUnique();
            e.HasIndex(x => new { x.GroupId, x.BuddyId });
        });
    }
}
