using System.Security.Claims;
using Kith.Platform.Web;

namespace Kith.Tests.Web;

/// <summary>The staff navigation as the app composes it from every module's registration (ADR 0022).</summary>
[Trait("Category", "Integration")]
public sealed class StaffNavigationTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public void Every_entry_appears_once_with_its_own_link_and_title()
    {
        var navigation = app.Services.GetRequiredService<StaffNavigation>();
        var admin = new ClaimsPrincipal(new ClaimsIdentity(Roles.All.Select(r => new Claim(ClaimTypes.Role, r)), "test"));

        Assert.Equal(navigation.All.Count, navigation.All.Select(e => e.Href).Distinct().Count());
        Assert.Equal(navigation.All.Count, navigation.All.Select(e => e.Title).Distinct().Count());
        Assert.Single(navigation.For(admin), e => e.Href == "/staff/concerns");
        Assert.Single(navigation.For(admin), e => e.Href == "/staff/admin/concerns");
    }

    [Fact]
    public void Registering_an_entry_twice_is_refused_at_start()
    {
        var entry = new NavigationEntry("Concerns", "Reports.", "/staff/concerns", [Roles.Responder], 10);
        var navigation = new StaffNavigation().Add(entry);

        Assert.Throws<InvalidOperationException>(() => navigation.Add(entry));
        Assert.Throws<InvalidOperationException>(() => navigation.Add(entry with { Title = "Other title" }));
        Assert.Throws<InvalidOperationException>(() => navigation.Add(entry with { Href = "/staff/other" }));
        Assert.Single(navigation.All);
    }
}
