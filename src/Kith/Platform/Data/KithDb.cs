using Kith.Community.Domain;
using Kith.Platform.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

/// <summary>
/// The one EF Core context. Each module adds its tables in its own partial file
/// (<c>KithDb.Platform.cs</c>, <c>Community/Persistence/KithDb.Community.cs</c>, …).
/// The schema itself comes from the SQL scripts under db/migrations, not from EF.
/// </summary>
internal sealed partial class KithDb(DbContextOptions<KithDb> options, SensitiveText sensitiveText)
    : IdentityDbContext<StaffUser, StaffRole, string>(options)
{
    /// <summary>Part of the model cache key: the model holds a converter bound to this key ring.</summary>
    internal string ModelKey => sensitiveText.RingId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var protectedText = new ValueConverter<string, string>(v => sensitiveText.Protect(v), v => sensitiveText.Unprotect(v));
        ConfigurePlatform(builder, protectedText);
        ConfigureMessaging(builder, protectedText);
        ConfigureCommunity(builder);
        ConfigureDirectory(builder);
        ConfigureConcerns(builder, protectedText);
        ConfigureResponders(builder);
        ConfigureScreening(builder, protectedText);
        ConfigureCampaigns(builder);
        ConfigureSafetyPlans(builder);
        ApplyConventions(builder);
    }

    /// <summary>snake_case columns, UTC times: one convention for every module and both providers.</summary>
    private static void ApplyConventions(ModelBuilder builder)
    {
        var utc = new UtcDateTimeConverter();
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                if (property.GetColumnName(table) == property.Name)
                    property.SetColumnName(SnakeCase(property.Name));
                if (property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?))
                    property.SetValueConverter(utc);
            }
            foreach (var key in entity.GetKeys()) key.SetName(SnakeCase(key.GetName()!));
            foreach (var fk in entity.GetForeignKeys()) fk.SetConstraintName(SnakeCase(fk.GetConstraintName()!));
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName(SnakeCase(index.GetDatabaseName()!));
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
