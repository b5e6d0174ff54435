namespace Kith.ServiceDirectory.Domain;

/// <summary>
/// One row whose number goes up with every change to the directory, written in the same transaction as
/// the change. Each node compares it with the revision its search index was built from and rebuilds when
/// it is behind, so every node serves the same directory without a cache protocol of its own.
/// </summary>
internal sealed class DirectoryRevision
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public long Number { get; set; }
    public DateTime ChangedAt { get; set; }
}
