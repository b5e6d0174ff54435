using System.Reflection;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Hsds;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>All rows of one table, untracked, when only the table (not its entity type) is known at compile time.</summary>
internal static class DirectoryRows
{
    private static readonly MethodInfo Load = typeof(DirectoryRows).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Task<List<object>> AllAsync(KithDb db, HsdsTable table, CancellationToken ct) =>
        (Task<List<object>>)Load.MakeGenericMethod(table.Entity).Invoke(null, [db, ct])!;

    private static async Task<List<object>> LoadAsync<T>(KithDb db, CancellationToken ct) where T : class =>
        [.. await db.Set<T>().AsNoTracking().ToListAsync(ct)];
}
