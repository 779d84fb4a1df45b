namespace DdGates.Model;

/// <summary>
/// The gates a file owns (its <c>scope:</c>): with prune on, a gate inside it that the file no longer lists is
/// deleted. A null list means every value. A gate outside the scope is never touched.
/// </summary>
public sealed record GateScope(IReadOnlyList<string>? Services, IReadOnlyList<string>? Envs, IReadOnlyList<string>? Identifiers = null)
{
    public static readonly GateScope All = new(null, null);

    public bool Contains(GateKey key) =>
        (Services is null || Services.Contains(key.Service))
        && (Envs is null || Envs.Contains(key.Env))
        && (Identifiers is null || Identifiers.Contains(key.Identifier));

    /// <summary>Also inside the selection of a run (<c>--service</c>, <c>--env</c>, <c>--identifier</c>): what is not selected is not touched.</summary>
    public GateScope Narrow(string? service, string? env, string? identifier) => new(
        Narrow(Services, service), Narrow(Envs, env), Narrow(Identifiers, identifier));

    public override string ToString()
    {
        var parts = new List<string>();
        if (Services is not null) parts.Add($"services {string.Join(", ", Services)}");
        if (Envs is not null) parts.Add($"envs {string.Join(", ", Envs)}");
        if (Identifiers is not null) parts.Add($"identifiers {string.Join(", ", Identifiers)}");
        return parts.Count == 0 ? "the whole organization" : string.Join("; ", parts);
    }

    private static IReadOnlyList<string>? Narrow(IReadOnlyList<string>? scope, string? selected) =>
        selected is null ? scope
        : scope is null || scope.Contains(selected) ? [selected]
        : [];
}
