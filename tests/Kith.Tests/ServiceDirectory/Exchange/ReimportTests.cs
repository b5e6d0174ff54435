using Kith.ServiceDirectory.Exchange;
using Kith.Community.Domain;
using Kith.ServiceDirectory.Domain;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>Importing again updates in place: same ids, unchanged rows untouched, and a full sync removes only what is gone.</summary>
[Trait("Category", "Integration")]
public sealed class ReimportTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task A_second_import_changes_nothing_and_replace_deletes_only_what_is_missing()
    {
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        var first = await DumpAsync(app);

        var again = await ImportAsync(app, ExampleCsv);

        Assert.True(again.Succeeded);
        Assert.Equal(0, again.Inserted);
        Assert.Equal(0, again.Updated);
        Assert.All(again.Tables, t => Assert.Equal(1, t.Unchanged));
        Assert.Equal(first, await DumpAsync(app)); // not even the revision moved

        // A package with one more service and a changed phone number: one insert, one update.
        var package = CopyOfExamples();
        var services = ReadCsv(Path.Combine(package, "services.csv"));
        var extra = services[1].ToList();
        extra[0] = "5f0c2a51-7a55-4c4e-9d61-1d7f5d0a9b01";
        extra[services[0].IndexOf("name")] = "Drop-in Group";
        WriteCsv(Path.Combine(package, "services.csv"), [.. services, extra]);
        SetCell(Path.Combine(package, "phones.csv"), 2, "number", "555-0100");
        var grown = await ImportAsync(app, package);
        Assert.Equal(new TableCounts("service", 1, 0, 1, 0), Counts(grown, "service"));
        Assert.Equal(new TableCounts("phone", 0, 1, 0, 0), Counts(grown, "phone"));

        var merged = await ImportAsync(app, ExampleCsv);
        Assert.Equal(new TableCounts("service", 0, 0, 1, 0), Counts(merged, "service"));

        // One of the two services goes: more than the 25% a full sync may delete unasked.
        var replaced = await ImportAsync(app, ExampleCsv, new(Replace: true, AllowMassDelete: true));
        Assert.Equal(new TableCounts("service", 0, 0, 1, 1), Counts(replaced, "service"));
        Assert.Equal(1, replaced.Deleted);
        var after = await DumpAsync(app);
        after.Remove("revision");
        first.Remove("revision");
        Assert.Equal(first, after);
    }

    [Fact]
    public async Task Kith_columns_are_never_taken_from_a_file_and_a_dry_run_changes_nothing()
    {
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        var reminded = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await WithDbAsync(app, db => db.Services.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.AssuredBy, "Dana").SetProperty(x => x.Waitlist, true).SetProperty(x => x.VerificationReminderSentAt, reminded)));
        var package = CopyOfExamples();
        SetCell(Path.Combine(package, "services.csv"), 2, "description", "Changed");

        var dry = await ImportAsync(app, package, new(DryRun: true));
        var before = await DumpAsync(app);
        Assert.Equal(new TableCounts("service", 0, 1, 0, 0), Counts(dry, "service"));
        Assert.Equal(before, await DumpAsync(app));

        Assert.True((await ImportAsync(app, package)).Succeeded);
        await WithDbAsync(app, async db =>
        {
            var service = await db.Services.SingleAsync();
            Assert.Equal(("Changed", "Dana", true, reminded), (service.Description, service.AssuredBy, service.Waitlist, service.VerificationReminderSentAt));
        });
    }
}

/// <summary>A full sync from a package that holds only some tables must not strand rows of the others.</summary>
[Trait("Category", "Integration")]
public sealed class ReplaceSubsetTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Replace_refuses_to_delete_what_rows_outside_the_package_still_point_at()
    {
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        var before = await DumpAsync(app);
        var package = TemporaryDirectory();
        var services = ReadCsv(Path.Combine(ExampleCsv, "services.csv"));
        services[1][0] = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        WriteCsv(Path.Combine(package, "services.csv"), services);

        var merge = await ImportAsync(app, package, new(DryRun: true));
        var replace = await ImportAsync(app, package, new(Replace: true));

        Assert.Equal(new TableCounts("service", 1, 0, 0, 0), Assert.Single(merge.Tables));
        Assert.False(replace.Succeeded);
        AssertProblem(replace, "service_at_location e94c9f38-1e8f-4564-91d4-d53501ab1765 (in the directory)", "service_id",
            "--replace would delete the service ac148810-d857-441c-9679-408f346de14b it points at");
        Assert.Contains(replace.Warnings.Listed, w => w.Column == "service_id" && w.Where.File.StartsWith("phone ", StringComparison.Ordinal));
        Assert.Equal(before, await DumpAsync(app));
    }
}

/// <summary>New organizations are owned by the Kith organisation of the same name, or by the one the operator names.</summary>
[Trait("Category", "Integration")]
public sealed class OwnerMatchingTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Owner_is_matched_by_name_ignoring_case_or_given_explicitly()
    {
        var example = Guid.NewGuid();
        var named = Guid.NewGuid();
        await WithDbAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            db.Organisations.Add(new Organisation { Id = example, Name = "EXAMPLE organization inc.", CreatedAt = now, UpdatedAt = now });
            db.Organisations.Add(new Organisation { Id = named, Name = "Riverside Clinic", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        });
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);

        var package = CopyOfExamples();
        SetCell(Path.Combine(package, "organizations.csv"), 2, "id", "0d3e0c1a-5b8f-4c7e-a1d2-3e4f5a6b7c8d");
        SetCell(Path.Combine(package, "organizations.csv"), 2, "name", "Unrelated Name Ltd");
        var explicitOwner = await ImportAsync(app, package, new(Owner: "riverside clinic"));
        var unknownOwner = await ImportAsync(app, package, new(Owner: "Nobody"));

        Assert.True(explicitOwner.Succeeded, string.Join('\n', explicitOwner.Problems.Listed));
        Assert.False(unknownOwner.Succeeded);
        AssertProblem(unknownOwner, "--owner", null, "no Kith organisation is named or has the id 'Nobody'");
        await WithDbAsync(app, async db =>
        {
            var owners = await db.DirectoryOrganizations.ToDictionaryAsync(o => o.Id, o => o.KithOrganisationId);
            Assert.Equal(example, owners["d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"]);
            Assert.Equal(named, owners["0d3e0c1a-5b8f-4c7e-a1d2-3e4f5a6b7c8d"]);
        });
    }
}
