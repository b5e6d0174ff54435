using Kith.Community.Contracts;
using Kith.Platform.Data;
using Kith.Platform.Demo;
using Kith.ServiceDirectory.Domain;
using Microsoft.Extensions.Options;

namespace Kith.ServiceDirectory.Demo;

/// <summary>
/// The directory's part of the Riverbend demo: Kith's taxonomies, the providers, places and 60-odd services
/// of <see cref="DemoDirectory"/>. Adds only rows whose (name-based) ids are missing, in one transaction
/// with one revision bump, and leaves the revision alone when there was nothing to add.
/// </summary>
internal sealed class RiverbendDirectoryDemo(KithDb db, ICommunityFacts facts, TimeProvider time, IOptions<PublicPointOptions> publicPoints) : IDemoContent
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var areas = await facts.AreasAsync(ct);
        var rows = DirectoryRowsBuilder.Build(now, await facts.OrganisationsAsync(ct), areas);
        // The shelters get their public point (ADR 12) as they are added; rows already there keep theirs.
        var publicPoint = new PublicPoint(publicPoints.Value, new AreaLocator(areas).Find);
        foreach (var location in rows.Of<Location>()) publicPoint.Settle(location);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await rows.AddMissingAsync(db, ct) == 0) return;
        await db.SaveChangesAsync(ct);
        await db.BumpRevisionAsync(now, ct);
        await transaction.CommitAsync(ct);
    }
}
