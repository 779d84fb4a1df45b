using DdGates.Model;

namespace DdGates.Applying;

/// <summary>What happened to one gate, rule by rule, so a partial failure says exactly what was done.</summary>
public sealed record GateOutcome(GateKey Key, string? GateId, GateResult Result, IReadOnlyList<RuleOutcome> Rules, string? Error = null, string? Note = null);
