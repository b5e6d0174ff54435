using Kith.Community.Domain;
using Kith.Platform.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

/// <summary>
/// The one EF Core context. Each module declares its DbSets in its own partial file
/// (<c>KithDb.Platform.cs</c>, <c>Community/Persistence/KithDb.Community.cs</c>, …) and configures its
/// tables in an <see cref="IModuleModel"/> beside them, discovered here rather than listed.
/// The schema itself comes from the SQL scripts under db/migrations, not from EF.
/// </summary>
internal sealed partial class KithDb(DbContextOptions<KithDb> options, SensitiveText sensitiveText)
    : IdentityDbContext<StaffUser, StaffRole, string>(options)
{
    /// <summary>
    /// The model holds no key ring, so every KithDb of a process shares one model and one query cache (ADR 0035);
    /// this context's key ring is put in scope before each query (<see cref="KithQueryContextFactory"/>) and save.
    /// </summary>
    internal void PutKeyRingInScope() => ProtectedText.Use(sensitiveText);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PutKeyRingInScope();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PutKeyRingInScope();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var module in ModuleModels) module.Configure(builder, ProtectedText.Converter);
        ApplyConventions(builder);
    }

    /// <summary>Every module's <see cref="IModuleModel"/>, found once, in a fixed order (by type name).</summary>
    internal static readonly IReadOnlyList<IModuleModel> ModuleModels = typeof(KithDb).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModuleModel).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IModuleModel)Activator.CreateInstance(t)!)
        .ToList();

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
                // A module that stores a wall-clock time its own way (groups' session times) has said so with its own converter.
                if ((property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?)) && property.GetValueConverter() is null)
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
