namespace DdGates.Model;

/// <summary>
/// Which gates a read covers: the keys of a gates file (<see cref="Keys"/>), or every gate matching the given
/// service, env and identifier (null matches any).
/// </summary>
public sealed record GateSelection(IReadOnlyList<GateKey>? Keys, string? Service, string? Env, string? Identifier)
{
    public bool Matches(GateKey key) =>
        (Service is null || key.Service == Service) && (Env is null || key.Env == Env) && (Identifier is null || key.Identifier == Identifier);
}
