using DdGates.Model;

namespace DdGates.Applying;

/// <summary>
/// What happened to one gate, rule by rule, so a partial failure says exactly what was done. <see cref="GateCreated"/>
/// is true when this run created the gate, also when its rules then failed: the gate exists in Datadog with that id.
/// </summary>
public sealed record GateOutcome(GateKey Key, string? GateId, GateResult Result, IReadOnlyList<RuleOutcome> Rules, string? Error = null, string? Note = null)
{
    public bool GateCreated { get; init; }
}
