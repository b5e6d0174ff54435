using Kith.ServiceDirectory.Domain;

namespace Kith.Tests.ServiceDirectory.Editing;

/// <summary>Directory rows made directly with KithDb, so each test class owns its data and needs no demo.</summary>
internal static class DirectoryData
{
    /// <summary>A Kith organisation and the directory organisation it owns.</summary>
    public static async Task<(Guid KithOrg, string DirectoryOrg)> AddOwnerAsync(KithApp app, string name)
    {
        var kithOrg = await Staff.AddOrganisationAsync(app, name);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var org = new DirectoryOrganization { Id = Guid.NewGuid().ToString(), Name = name, Description = name, KithOrganisationId = kithOrg };
        db.DirectoryOrganizations.Add(org);
        await db.SaveChangesAsync();
        return (kithOrg, org.Id);
    }

    public static async Task<string> AddServiceAsync(KithApp app, string organizationId, string name, DateOnly? assured = null,
        string status = "active", Action<KithDb, string>? more = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var service = new Service { Id = Guid.NewGuid().ToString(), OrganizationId = organizationId, Name = name, Status = status, AssuredDate = assured };
        db.Services.Add(service);
        more?.Invoke(db, service.Id);
        await db.SaveChangesAsync();
        return service.Id;
    }

    public static async Task<T> ReadAsync<T>(KithApp app, Func<KithDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KithDb>());
    }

    public static Task<long> RevisionAsync(KithApp app) => ReadAsync(app, db => db.RevisionAsync(CancellationToken.None));
}
