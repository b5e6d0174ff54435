using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Insights.Stories;

/// <summary>The stories table: words encrypted at rest, one receipt per story.</summary>
internal sealed class StoriesModel : Kith.Platform.Data.IModuleModel
{
    public void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText)
    {
        ValueConverter optionalText = protectedText;
        builder.Entity<Story>(e =>
        {
            e.ToTable("insights_stories");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Language).HasMaxLength(8);
            e.Property(x => x.Original).HasConversion(optionalText);
            e.Property(x => x.Published).HasConversion(optionalText);
            // Two moderators at once: the second finds the story already moderated instead of overwriting.
            e.Property(x => x.Status).HasMaxLength(12).IsConcurrencyToken();
            e.Property(x => x.ReceiptHash).HasMaxLength(64);
            e.Property(x => x.ModeratedBy).HasMaxLength(64);
            // A form sent twice (a double tap) finds its story by the receipt its one-time token derives.
            e.HasIndex(x => x.ReceiptHash).IsUnique();
            // Leaders read published stories by area and week.
            e.HasIndex(x => new { x.Status, x.Week });
        });
    }
}
