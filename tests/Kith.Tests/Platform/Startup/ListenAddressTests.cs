using Kith.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Kith.Tests.Platform.Startup;

/// <summary>
/// Kith listens on http://localhost:5080 only when the operator set no address: the standard variables a host or
/// container sets win (the process tests start every node with ASPNETCORE_URLS, so they prove it end to end).
/// </summary>
public sealed class ListenAddressTests
{
    [Theory]
    [InlineData(null, null, "http://localhost:5080")]
    [InlineData("urls", "http://0.0.0.0:8080", "http://0.0.0.0:8080")]
    [InlineData("http_ports", "8080", null)]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://127.0.0.1:9000", null)]
    public void The_default_applies_only_when_no_address_is_configured(string? key, string? value, string? expectedUrls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = key is null ? [] : [$"--{key}={value}"] });

        ListenAddress.UseDefaultWhenUnset(builder);

        Assert.Equal(expectedUrls, builder.WebHost.GetSetting("urls"));
    }
}
