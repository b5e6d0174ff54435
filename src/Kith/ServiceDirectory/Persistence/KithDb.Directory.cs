using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Hsds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

internal sealed partial class KithDb
{
    public DbSet<DirectoryOrganization> DirectoryOrganizations => Set<DirectoryOrganization>();
    public DbSet<ServiceProgram> ServicePrograms => Set<ServiceProgram>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<HsdsAttribute> HsdsAttributes => Set<HsdsAttribute>();
    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Phone> Phones => Set<Phone>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<Schedule> Schedules => Set<Schedule>();
    public DbSet<Funding> Funding => Set<Funding>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<RequiredDocument> RequiredDocuments => Set<RequiredDocument>();
    public DbSet<Language> Languages => Set<Language>();
    public DbSet<Accessibility> Accessibility => Set<Accessibility>();
    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();
    public DbSet<MetadataEntry> MetadataEntries => Set<MetadataEntry>();
    public DbSet<MetaTableDescription> MetaTableDescriptions => Set<MetaTableDescription>();
    public DbSet<CostOption> CostOptions => Set<CostOption>();
    public DbSet<OrganizationIdentifier> OrganizationIdentifiers => Set<OrganizationIdentifier>();
    public DbSet<Taxonomy> Taxonomies => Set<Taxonomy>();
    public DbSet<ServiceCapacity> ServiceCapacities => Set<ServiceCapacity>();
    public DbSet<DirectoryRevision> DirectoryRevisions => Set<DirectoryRevision>();
    public DbSet<DirectoryTranslation> DirectoryTranslations => Set<DirectoryTranslation>();

    /// <summary>
    /// HSDS tables keep the specification's own column names, so the database reads like the standard.
    /// References between them are checked by the importer against the datapackage's foreign keys rather
    /// than by constraints: HSDS links are polymorphic (attributes, metadata) and partial (a phone may
    /// belong to any of five parents), and a whole dataset is replaced in one transaction anyway.
    /// </summary>
}

/// <summary>The Directory tables. <see cref="KithDb"/> discovers this class: adding a module edits no list.</summary>
internal sealed class DirectoryModel : IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        foreach (var table in HsdsSchema.Tables)
        {
            var entity = builder.Entity(table.Entity);
            entity.ToTable(table.StoreTable);
            entity.HasKey(table.Id.Property.Name);
            foreach (var field in table.Fields)
            {
                entity.Property(field.Property.Name).HasColumnName(field.Name);
                if (field.Name != "id" && (field.Name.EndsWith("_id") || field.Name == "taxonomy_id"))
                    entity.HasIndex(field.Property.Name);
            }
        }
        builder.Entity<DirectoryOrganization>().HasIndex(x => x.KithOrganisationId);
        builder.Entity<Service>().HasIndex(x => x.LastModified);
        builder.Entity<ServiceCapacity>(e =>
        {
            e.ToTable("directory_service_capacities");
            e.HasKey(x => x.Id);
            e.Property(x => x.Unit).HasMaxLength(100);
            e.HasIndex(x => x.ServiceId);
        });
        builder.Entity<DirectoryTranslation>(e =>
        {
            e.ToTable("directory_translations");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.LinkEntity, x.LinkId, x.FieldName, x.Language }).IsUnique().HasDatabaseName("ix_directory_translations_key");
            e.HasIndex(x => x.Language);
        });
        builder.Entity<DirectoryRevision>(e =>
        {
            e.ToTable("directory_revision");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
    }
}
