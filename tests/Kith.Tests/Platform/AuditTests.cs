using System.Data.Common;
using FsCheck;
using FsCheck.Fluent;
using Kith.Platform.Audit;

namespace Kith.Tests.Platform;

/// <summary>The append-only, hash-chained audit log: appends, concurrency, the database trigger and `kith audit verify`.</summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed class AuditTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Appends_produce_a_chain_that_verifies()
    {
        for (var i = 0; i < 5; i++)
            await RecordAsync(app, $"test.append-{i}", new { n = i });

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();

        Assert.True(result.Intact, result.Break?.Reason);
        Assert.Equal(await db.AuditEntries.CountAsync(), result.Entries);
        Assert.Equal(await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstAsync(), result.HeadHash);
    }

    [Fact]
    public async Task Fifty_concurrent_appends_get_ids_without_gaps_and_an_intact_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => RecordAsync(app, "test.concurrent", new { n = i }))));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var ids = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
        Assert.Equal(50, await db.AuditEntries.CountAsync(e => e.Action == "test.concurrent"));
        Assert.True(result.Intact, result.Break?.Reason);
        Assert.Equal(ids.Count, result.Entries);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows()
    {
        await RecordAsync(app, "test.immutable", null);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var id = await db.AuditEntries.Where(e => e.Action == "test.immutable").Select(e => e.Id).FirstAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE platform_audit_log SET action = 'test.forged' WHERE id = {id}"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM platform_audit_log WHERE id = {id}"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.Equal("test.immutable", await db.AuditEntries.Where(e => e.Id == id).Select(e => e.Action).SingleAsync());
    }

    [Fact]
    public async Task Kith_audit_verify_exits_0_on_an_intact_log_and_1_naming_a_hand_edited_entry()
    {
        await WithOwnAppAsync(async own =>
        {
            for (var i = 1; i <= 5; i++) await RecordAsync(own, $"test.verify-{i}", new { n = i });

            var intact = await KithProcess.RunAsync(own, "audit", "verify");
            Assert.True(intact.ExitCode == 0, intact.Output);
            Assert.Contains("intact: 5 entries", intact.StdOut);

            await TamperAsync(own, "UPDATE platform_audit_log SET detail = '[42]' WHERE id = 3");
            var edited = await KithProcess.RunAsync(own, "audit", "verify");

            Assert.True(edited.ExitCode == 1, edited.Output);
            Assert.Contains("BROKEN at entry 3:", edited.StdErr);
            Assert.Contains("edited", edited.StdErr);
        });
    }

    [Fact]
    public async Task Kith_audit_verify_names_an_entry_whose_action_was_changed()
    {
        await WithOwnAppAsync(async own =>
        {
            for (var i = 1; i <= 4; i++) await RecordAsync(own, "case.viewed", new { n = i });
            await TamperAsync(own, "UPDATE platform_audit_log SET action = 'case.noted' WHERE id = 2");

            var run = await KithProcess.RunAsync(own, "audit", "verify");

            Assert.True(run.ExitCode == 1, run.Output);
            Assert.Contains("BROKEN at entry 2:", run.StdErr);
        });
    }

    [Fact]
    public async Task Kith_audit_verify_detects_a_deleted_middle_row()
    {
        await WithOwnAppAsync(async own =>
        {
            for (var i = 1; i <= 5; i++) await RecordAsync(own, $"test.delete-{i}", null);
            await TamperAsync(own, "DELETE FROM platform_audit_log WHERE id = 3");

            var run = await KithProcess.RunAsync(own, "audit", "verify");

            Assert.True(run.ExitCode == 1, run.Output);
            Assert.Contains("BROKEN at entry 3:", run.StdErr);
            Assert.Contains("missing", run.StdErr);
        });
    }

    private static async Task RecordAsync(KithApp target, string action, object? detail)
    {
        await using var scope = target.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(action, "actor-1", "test", "subject-1", detail);
    }

    /// <summary>What an attacker holding the database could do: switch off the append-only trigger, then edit.</summary>
    private static async Task TamperAsync(KithApp target, string sql)
    {
        await using var scope = target.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        if (target.Database.IsPostgres)
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE platform_audit_log DISABLE TRIGGER USER");
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER platform_audit_log_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER platform_audit_log_no_delete");
        }
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(sql));
    }

    /// <summary>Tampering breaks the chain for good, so those tests get a database of their own.</summary>
    private static async Task WithOwnAppAsync(Func<KithApp, Task> test)
    {
        var own = new KithApp();
        await ((IAsyncLifetime)own).InitializeAsync();
        try { await test(own); }
        finally { await ((IAsyncLifetime)own).DisposeAsync(); }
    }
}

/// <summary>The chain rule itself, without a database.</summary>
public sealed class AuditChainTests
{
    private static readonly AuditChain Chain = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Any_single_field_change_to_any_entry_is_detected_at_exactly_that_entry()
    {
        var scenario =
            from length in Gen.Choose(1, 12)
            from index in Gen.Choose(0, length - 1)
            from field in Gen.Choose(0, 8)
            from seed in Gen.Choose(0, int.MaxValue)
            from text in ArbMap.Default.GeneratorFor<NonEmptyString>()
            from ticks in Gen.Choose(1, int.MaxValue)
            select (length, index, field, seed, text.Get, ticks);

        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(scenario), s =>
        {
            var entries = BuildChain(s.length, new Random(s.seed));
            var target = entries[s.index];
            var changed = Change(target, s.field, s.Get, s.ticks);
            if (!changed) return true; // the new value happened to equal the old one: no change to detect

            var walk = new AuditChain.Walk(Chain);
            AuditBreak? found = null;
            foreach (var e in entries)
                if ((found = walk.Next(e)) is not null) break;

            return found is not null && found.EntryId == s.index + 1 && walk.Checked == s.index;
        }));
    }

    [Fact]
    public void An_untouched_random_chain_walks_to_its_last_hash()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(Gen.Choose(0, 30).Zip(Gen.Choose(0, int.MaxValue))), t =>
        {
            var entries = BuildChain(t.Item1, new Random(t.Item2));
            var walk = new AuditChain.Walk(Chain);
            return entries.All(e => walk.Next(e) is null) && walk.Checked == t.Item1
                   && walk.Head == (entries.Count == 0 ? AuditChain.Genesis : entries[^1].Hash);
        }));
    }

    /// <summary>Changes one field; false when the "new" value equals the old (null and "" hash alike by design: both mean "none").</summary>
    private static bool Change(AuditEntry e, int field, string text, int ticks)
    {
        string Differ(string? old) => text == (old ?? "") ? text + "x" : text;
        switch (field)
        {
            case 0: e.Id += ticks % 3 == 0 ? -1 : 1 + ticks % 5; return true;
            case 1: e.At = e.At.AddTicks(ticks); return true;
            case 2: e.ActorId = Differ(e.ActorId); return true;
            case 3: e.Action = Differ(e.Action); return true;
            case 4: e.SubjectType = Differ(e.SubjectType); return true;
            case 5: e.SubjectId = Differ(e.SubjectId); return true;
            case 6: e.Detail = Differ(e.Detail); return true;
            case 7: e.PreviousHash = Flip(e.PreviousHash, ticks); return true;
            case 8: e.Hash = Flip(e.Hash, ticks); return true;
            default: return false;
        }
    }

    private static string Flip(string hex, int at)
    {
        var chars = hex.ToCharArray();
        var i = at % chars.Length;
        chars[i] = chars[i] == '0' ? '1' : '0';
        return new string(chars);
    }

    private static List<AuditEntry> BuildChain(int length, Random random)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= length; i++)
        {
            at = at.AddTicks(random.NextInt64(1, TimeSpan.TicksPerDay));
            var e = new AuditEntry
            {
                Id = i,
                At = at,
                ActorId = random.Next(3) == 0 ? null : "actor-" + random.Next(100),
                Action = "action." + random.Next(1000),
                SubjectType = random.Next(3) == 0 ? null : "case",
                SubjectId = random.Next(3) == 0 ? null : Guid.NewGuid().ToString(),
                Detail = random.Next(2) == 0 ? null : $"{{\"n\":{random.Next()}}}",
                PreviousHash = previous,
                Hash = "",
            };
            e.Hash = Chain.HashOf(e);
            previous = e.Hash;
            entries.Add(e);
        }
        return entries;
    }
}
