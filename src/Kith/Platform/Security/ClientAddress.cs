using System.Net;
using System.Net.Sockets;

namespace Kith.Platform.Security;

/// <summary>
/// The client's address as a key for a brake held in memory (rate limits, guessing receipts, passwords,
/// safety-plan codes) — never stored, logged or put in a metric. It is the connection's address, or the
/// address a trusted proxy reports for it (<see cref="TrustedProxies"/>, ADR 17). An IPv6 client is keyed by its /64, since one subscriber is usually given a whole /64
/// and could otherwise try from a fresh address each time.
/// </summary>
internal static class ClientAddress
{
    public static string Key(HttpContext http) => Key(http.Connection.RemoteIpAddress);

    internal static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
