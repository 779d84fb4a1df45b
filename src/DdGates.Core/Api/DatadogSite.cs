namespace DdGates.Api;

/// <summary>Datadog sites and their API base URLs (https://docs.datadoghq.com/getting_started/site/).</summary>
public static class DatadogSite
{
    public const string Default = "datadoghq.com";

    public static readonly IReadOnlyList<string> Supported =
    [
        "datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "datadoghq.eu",
        "ap1.datadoghq.com", "ap2.datadoghq.com", "uk1.datadoghq.com",
    ];

    /// <summary>Datadog documents Deployment Gates as not available on these sites.</summary>
    public static readonly IReadOnlyList<string> Unavailable = ["ddog-gov.com", "us2.ddog-gov.com"];

    /// <summary>A warning when the keys would cross the network unencrypted (http:// to a host that is not this machine); else null.</summary>
    public static string? PlaintextWarning(Uri apiUrl) => apiUrl.Scheme == Uri.UriSchemeHttp && !apiUrl.IsLoopback
        ? $"the API URL {apiUrl.Scheme}://{apiUrl.Authority} is http://, not https://, and not on this machine: the Datadog keys would travel unencrypted. Use https://, unless this is a proxy you trust"
        : null;

    /// <summary>Where a person opens what the API at <paramref name="apiUrl"/> holds: api.SITE becomes app.SITE; any other address (a proxy, the emulator) is kept.</summary>
    public static Uri AppUrl(Uri apiUrl) => apiUrl.Host.StartsWith("api.", StringComparison.OrdinalIgnoreCase)
        ? new UriBuilder(apiUrl) { Host = "app." + apiUrl.Host[4..], Path = "/" }.Uri
        : new UriBuilder(apiUrl) { Path = "/" }.Uri;

    /// <summary>Resolves a site name to its API base URL, or explains why it cannot.</summary>
    public static bool TryGetApiUrl(string site, out Uri apiUrl, out string error)
    {
        var name = site.Trim().ToLowerInvariant();
        apiUrl = null!;
        if (Unavailable.Contains(name))
        {
            error = $"Deployment Gates are not available on {name} (Datadog documents the feature as unavailable on its " +
                    "government sites). If your account has it there, set the API URL instead of the site.";
            return false;
        }

        if (!Supported.Contains(name))
        {
            error = $"Unknown Datadog site \"{site}\". Use one of: {string.Join(", ", Supported)} " +
                    "(the part after \"app.\" in the address you log in at), or set the API URL instead of the site.";
            return false;
        }

        apiUrl = new Uri($"https://api.{name}/");
        error = "";
        return true;
    }
}
