using Kith.Screening.SafetyPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<SafetyPlan> SafetyPlans => Set<SafetyPlan>();
}

/// <summary>The SafetyPlans tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class SafetyPlansModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        builder.Entity<SafetyPlan>(e =>
        {
            e.ToTable("screening_safety_plans");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.CodeHash).HasMaxLength(64);
            e.HasIndex(x => x.CodeHash).IsUnique();
            e.Property(x => x.ShareHash).HasMaxLength(64);
            e.HasIndex(x => x.ShareHash).IsUnique();
            // Retention looks for plans nobody has used for two years.
            e.HasIndex(x => x.LastUsedAt);
        });
    }
}
