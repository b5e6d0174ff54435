using Kith.Platform.Security;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

/// <summary>
/// The converter of every sensitive column (ADR 0010), and the key ring it uses. EF builds one model per
/// process and shares it, with its compiled queries, between every <see cref="KithDb"/> (ADR 0035), so the
/// converter cannot hold a key ring, and a converter sees nothing but the value. Each context therefore puts its
/// own <see cref="SensitiveText"/> in scope just before EF runs its converters: when a query starts
/// (<see cref="KithQueryContextFactory"/>) and when it saves (<see cref="KithDb"/>'s SaveChanges). A deployment has
/// one key ring; a test process has one per app, and a converter with none in scope throws rather than guess.
/// </summary>
internal static class ProtectedText
{
    private static readonly AsyncLocal<SensitiveText?> inScope = new();

    public static ValueConverter<string, string> Converter { get; } = new(v => Protect(v), v => Unprotect(v));

    /// <summary>
    /// Called synchronously by the context before the query or save that runs the converters, in the async flow
    /// that goes on to run them (EF reads rows in the same flow that started the query).
    /// </summary>
    public static void Use(SensitiveText text) => inScope.Value = text;

    public static string Protect(string plain) => Current.Protect(plain);

    public static string Unprotect(string stored) => Current.Unprotect(stored);

    private static SensitiveText Current => inScope.Value
        ?? throw new InvalidOperationException("No key ring in scope: sensitive columns are read and written only through a KithDb query or save.");
}

/// <summary>
/// EF creates a query context for every query it runs (LINQ, raw SQL, ExecuteUpdate, compiled), synchronously,
/// before the first row is read: the one place every read passes through with its context at hand.
/// </summary>
internal sealed class KithQueryContextFactory(QueryContextDependencies dependencies, RelationalQueryContextDependencies relationalDependencies)
    : IQueryContextFactory
{
    /// <summary>What EF's own relational factory creates, after putting the context's key ring in scope.</summary>
    public QueryContext Create()
    {
        if (dependencies.CurrentContext.Context is KithDb db) db.PutKeyRingInScope();
        return new RelationalQueryContext(dependencies, relationalDependencies);
    }
}
