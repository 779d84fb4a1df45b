using DdGates.Model;

namespace DdGates.Config;

/// <summary>
/// The validated desired gates, or every problem found on the way. Nothing is sent unless <see cref="IsValid"/>.
/// <see cref="Scope"/> is what the file owns; with <see cref="Prune"/> on, gates inside it that the file does not list are deleted.
/// </summary>
public sealed record DesiredState(IReadOnlyList<GateSpec> Gates, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => Diagnostics.Count == 0;

    /// <summary>What is valid but deserves a second look (<see cref="CaseCollisions"/>); shown, never blocking.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public GateScope? Scope { get; init; }

    public bool Prune { get; init; }

    /// <summary>Where unlisted gates are deleted: the scope, narrowed to the run's selection, when prune is on; else nowhere.</summary>
    public GateScope? PruneScope => Prune ? Scope : null;

    /// <summary>Keeps the gates matching every given filter; no match is itself a problem.</summary>
    public DesiredState Select(string? service, string? env, string? identifier, string file)
    {
        if (!IsValid || (service is null && env is null && identifier is null)) return this;
        var selected = Gates.Where(g =>
            (service is null || g.Key.Service == service)
            && (env is null || g.Key.Env == env)
            && (identifier is null || g.Key.Identifier == identifier)).ToList();
        if (selected.Count > 0) return this with { Gates = selected, Scope = Scope?.Narrow(service, env, identifier) };

        var filter = string.Join(", ", new[] { ("service", service), ("env", env), ("identifier", identifier) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1} {p.Item2}"));
        return this with { Diagnostics = [new Diagnostic(file, 0, 0, "", $"no gate matches {filter}; the file declares {string.Join(", ", Gates.Select(g => g.Key))}")] };
    }

    /// <summary>Same gates with prune switched on for all of them (<c>--prune</c>), and for the scope.</summary>
    public DesiredState WithPrune(bool prune) => prune ? this with { Gates = [.. Gates.Select(g => g with { Prune = true })], Prune = true } : this;
}
