namespace DdGates.Model;

/// <summary>
/// A desired gate: one environment, dry-run already resolved for it. An <see cref="Absent"/> gate is one to delete
/// (declared <c>absent: true</c>, or pruned from the file's scope); <see cref="Why"/> says which.
/// </summary>
public sealed record GateSpec(GateKey Key, bool DryRun, bool Prune, IReadOnlyList<RuleSpec> Rules, SourceLocation? Location = null)
{
    public bool Absent { get; init; }

    public string? Why { get; init; }

    public static GateSpec Gone(GateKey key, string why, SourceLocation? location = null) =>
        new(key, false, false, [], location) { Absent = true, Why = why };
}
