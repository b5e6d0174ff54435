using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace Kith.Platform.Security;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> Kith believes (<c>Kith:Network:TrustedProxies</c>: addresses or CIDR
/// networks; default none). A request from one of them is keyed by the client address it reports, so each
/// client behind a load balancer gets its own brakes (ADR 17); from anyone else the header is ignored. The
/// address stays a key held in memory (<see cref="ClientAddress"/>): never stored, logged or put in a metric.
/// </summary>
internal sealed class NetworkOptions
{
    public List<string> TrustedProxies { get; set; } = [];

    public bool IsValid => TrustedProxies.All(p => Network(p) is not null);

    /// <summary>"10.0.0.0/8" as written, "10.0.0.5" as the network of that one address; null if neither.</summary>
    public static IPNetwork? Network(string? entry)
    {
        var text = entry?.Trim() ?? "";
        if (IPNetwork.TryParse(text, out var network)) return network;
        if (!IPAddress.TryParse(text, out var address)) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }
}

internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NetworkOptions>().Bind(configuration.GetSection("Kith:Network"))
            .Validate(o => o.IsValid, "Kith:Network:TrustedProxies: every entry must be an IP address (10.0.0.5) or a CIDR network (10.0.0.0/24).")
            .ValidateOnStart();
        return services;
    }

    /// <summary>First in the pipeline, so every brake, page and endpoint after it sees the client's address.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.TrustedProxies;
        if (proxies.Count == 0) return app; // the default: the connection's own address, as before ADR 17
        // No forward limit: a chain of listed proxies is walked from the right, and the first address not
        // listed is the client, so a client cannot choose its own key by sending the header itself.
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = null };
        // The defaults trust loopback: on a host shared with other processes (a sidecar, a tunnel) any of
        // them could then set any client's address. Only what the operator lists is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownIPNetworks.Add(NetworkOptions.Network(proxy)!.Value);
        app.UseForwardedHeaders(options);
        return app;
    }
}
