using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

/// <summary>All times are UTC. SQLite hands back unspecified kinds; PostgreSQL refuses non-UTC values.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
