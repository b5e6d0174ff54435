using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Groups.Persistence;

/// <summary>
/// A change to a group's places or buddies bumps the group's revision: of two at the same moment one fails and is tried
/// again from a fresh read (counting places, or finding who waits for a buddy, anew) — a few times, then the error stands.
/// </summary>
internal static class Race
{
    public static async Task<T> RetriedAsync<T>(KithDb db, Func<Task<T>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (tries < 5)
            {
                db.ChangeTracker.Clear(); // someone else changed the group meanwhile: read again
            }
        }
    }
}
