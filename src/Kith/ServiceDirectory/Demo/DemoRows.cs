using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Demo;

/// <summary>
/// Rows of any directory table, kept by entity type, each with a name-based id. Adding them to a database
/// adds only the rows whose ids are not there yet, so seeding twice changes nothing.
/// </summary>
internal sealed class DemoRows
{
    private readonly Dictionary<Type, ITable> tables = [];

    public void Add<T>(T row) where T : class
    {
        if (!tables.TryGetValue(typeof(T), out var table)) tables[typeof(T)] = table = new Table<T>();
        ((Table<T>)table).Rows.Add(row);
    }

    public IReadOnlyList<T> Of<T>() where T : class =>
        tables.TryGetValue(typeof(T), out var table) ? ((Table<T>)table).Rows : [];

    public int Count => tables.Values.Sum(t => t.Count);

    /// <summary>Stages the missing rows on the context (the caller saves); returns how many.</summary>
    public async Task<int> AddMissingAsync(KithDb db, CancellationToken ct)
    {
        var added = 0;
        foreach (var table in tables.Values) added += await table.AddMissingAsync(db, ct);
        return added;
    }

    private interface ITable
    {
        int Count { get; }
        Task<int> AddMissingAsync(KithDb db, CancellationToken ct);
    }

    private sealed class Table<T> : ITable where T : class
    {
        public List<T> Rows { get; } = [];
        public int Count => Rows.Count;

        public async Task<int> AddMissingAsync(KithDb db, CancellationToken ct)
        {
            var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single().PropertyInfo!;
            string IdOf(T row) => (string)key.GetValue(row)!;
            var ids = Rows.Select(IdOf).ToList();
            var existing = (await db.Set<T>().Select(e => EF.Property<string>(e, key.Name)).Where(id => ids.Contains(id)).ToListAsync(ct)).ToHashSet();
            var missing = Rows.Where(r => !existing.Contains(IdOf(r))).ToList();
            db.Set<T>().AddRange(missing);
            return missing.Count;
        }
    }
}
