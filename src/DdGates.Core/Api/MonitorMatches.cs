namespace DdGates.Api;

/// <summary>What a monitor search found: how many monitors match in all, and the first few.</summary>
public sealed record MonitorMatches(long Total, IReadOnlyList<MonitorHit> Sample);

public sealed record MonitorHit(long Id, string Name, string? Status)
{
    /// <summary>A name from the server is shown cut to this length (Datadog's own limit is not documented).</summary>
    public const int MaxNameChars = 200;

    /// <summary>The monitor's page, under <paramref name="app"/> (<see cref="DatadogSite.AppUrl"/>).</summary>
    public string Url(Uri app) => new Uri(app, $"monitors/{Id}").AbsoluteUri;
}
