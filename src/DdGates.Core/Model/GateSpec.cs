namespace DdGates.Model;

/// <summary>A desired gate: one environment, dry-run already resolved for it.</summary>
public sealed record GateSpec(GateKey Key, bool DryRun, bool Prune, IReadOnlyList<RuleSpec> Rules, SourceLocation? Location = null);
