using DdGates.Api;
using DdGates.Cli.Inputs;

namespace DdGates.Cli.Hosting;

/// <summary>
/// The Datadog service connection of the Azure task (endpoint type dd-gates-datadog, shaped like
/// Datadog's own extension): the API key as ENDPOINT_AUTH_PARAMETER_{id}_APITOKEN, the application
/// key as ..._APPKEY, the site as ENDPOINT_DATA_{id}_SITE or from ENDPOINT_URL_{id}.
/// </summary>
public static class ServiceConnection
{
    /// <summary>The Azure-only input that names the connection (its endpoint id).</summary>
    public const string InputName = "connection";

    public static string? Value(InputSpec input, Func<string, string?> env)
    {
        if (env("INPUT_" + InputName.ToUpperInvariant())?.Trim() is not { Length: > 0 } connection) return null;
        var id = connection.ToUpperInvariant();
        if (input == InputTable.ApiKey) return env($"ENDPOINT_AUTH_PARAMETER_{id}_APITOKEN");
        if (input == InputTable.AppKey) return env($"ENDPOINT_AUTH_PARAMETER_{id}_APPKEY");
        if (input != InputTable.Site) return null;
        if (env($"ENDPOINT_DATA_{id}_SITE") is { Length: > 0 } site) return site;
        return Uri.TryCreate(env($"ENDPOINT_URL_{id}"), UriKind.Absolute, out var url) ? SiteOf(url) : null;
    }

    /// <summary>https://app.datadoghq.eu/ -> datadoghq.eu; a host that is no Datadog site is passed on as is, to be refused with a clear message.</summary>
    private static string SiteOf(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        foreach (var prefix in new[] { "app.", "api." })
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && DatadogSite.Supported.Concat(DatadogSite.Unavailable).Contains(host[prefix.Length..])) return host[prefix.Length..];
        }

        return host;
    }
}
