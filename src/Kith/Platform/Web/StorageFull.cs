using Microsoft.Data.Sqlite;

namespace Kith.Platform.Web;

/// <summary>
/// A write that failed because the disk (or the database's) is full is the service being unavailable, not
/// a bug: it answers 503 (problem details, or the error page), so clients retry and no one reads a 500.
/// </summary>
internal static class StorageFull
{
    private const int SqliteFull = 13;
    private const int SqliteIoError = 10;
    private const int NoSpaceErrno = 28;

    public static IServiceCollection AddStorageFullAs503(this IServiceCollection services) =>
        services.Configure<ExceptionHandlerOptions>(o =>
            o.StatusCodeSelector = e => Is(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError);

    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteFull or SqliteIoError }) return true;
            if (e is Npgsql.PostgresException { SqlState: "53100" }) return true; // disk_full
            if (e is IOException io && (io.HResult & 0xFFFF) == NoSpaceErrno) return true;
        }
        return false;
    }
}
