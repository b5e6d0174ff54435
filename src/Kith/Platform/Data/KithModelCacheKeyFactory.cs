using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kith.Platform.Data;

/// <summary>
/// EF caches one model per context type; ours embeds the encryption converter, so the cache is keyed by
/// key ring too. Several hosts in one process (tests, tools) then never share a protector.
/// </summary>
internal sealed class KithModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is KithDb kith ? (context.GetType(), kith.ModelKey, designTime) : (context.GetType(), designTime);
}
