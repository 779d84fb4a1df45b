namespace DdGates.Http;

/// <summary>The HTTP handler every client of a run uses (Datadog, GitHub, Azure DevOps).</summary>
public static class SafeHandler
{
    /// <summary>
    /// Follows no redirect (HttpClient would carry the key headers to any host a Location names; see <see cref="ApiTransport"/>),
    /// takes at most 64 KiB of headers, and gives up connecting after 30 s.
    /// </summary>
    public static SocketsHttpHandler Create() => new()
    {
        AllowAutoRedirect = false,
        MaxResponseHeadersLength = 64,
        ConnectTimeout = TimeSpan.FromSeconds(30),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
