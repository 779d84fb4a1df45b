using DdGates.Model;

namespace DdGates.Api;

/// <summary>
/// The list filters of ListDeploymentGates. WARNING: an older server may ignore them and answer with the whole
/// list, so a caller still matches every gate itself and follows next_cursor to the end (docs/datadog-api.md).
/// </summary>
public sealed record GateFilter(string? Service = null, string? Env = null, string? Identifier = null)
{
    public static GateFilter For(GateKey key) => new(key.Service, key.Env, key.Identifier);
}
