using DdGates.Api;
using DdGates.Cli.Inputs;

namespace DdGates.Cli.Platforms.AzurePipelines;

/// <summary>
/// The Datadog service connection of the Azure task (endpoint type dd-gates-datadog, shaped like
/// Datadog's own extension): the API key as ENDPOINT_AUTH_PARAMETER_{id}_APITOKEN, the application
/// key as ..._APPKEY, the site as ENDPOINT_DATA_{id}_SITE or from ENDPOINT_URL_{id}.
/// WARNING: the agent builds these names from the endpoint id exactly as it is, a lower-case GUID
/// (Handler.AddEndpointsToEnvironment: Guid.ToString()); only the key part is upper-cased. Environment
/// names are case-sensitive on Linux and macOS, so the id is looked up as given first (docs/ci-platforms.md).
/// </summary>
public static class ServiceConnection
{
    /// <summary>The Azure-only input that names the connection (its endpoint id).</summary>
    public const string InputName = "connection";

    public static string? Value(InputSpec input, Func<string, string?> env)
    {
        if (env("INPUT_" + InputName.ToUpperInvariant())?.Trim() is not { Length: > 0 } id) return null;
        if (input == InputTable.ApiKey) return Endpoint(env, "ENDPOINT_AUTH_PARAMETER_", id, "_APITOKEN");
        if (input == InputTable.AppKey) return Endpoint(env, "ENDPOINT_AUTH_PARAMETER_", id, "_APPKEY");
        if (input != InputTable.Site) return null;
        if (Endpoint(env, "ENDPOINT_DATA_", id, "_SITE") is { Length: > 0 } site) return site;
        return Uri.TryCreate(Endpoint(env, "ENDPOINT_URL_", id, ""), UriKind.Absolute, out var url) ? SiteOf(url) : null;
    }

    /// <summary>The id as the agent writes it, then (nothing is lost by it) in lower and upper case.</summary>
    private static string? Endpoint(Func<string, string?> env, string prefix, string id, string suffix) =>
        new[] { id, id.ToLowerInvariant(), id.ToUpperInvariant() }.Select(i => env(prefix + i + suffix)).FirstOrDefault(v => !string.IsNullOrEmpty(v));

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
