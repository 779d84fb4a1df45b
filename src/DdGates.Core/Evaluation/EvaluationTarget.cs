using DdGates.Model;

namespace DdGates.Evaluation;

/// <summary>What to evaluate: the gate's key, the deploy's version and primary tag, and a gate whose rules are sent inline (or none: use the stored gate).</summary>
public sealed record EvaluationTarget(GateKey Key, string? Version, string? PrimaryTag, GateSpec? InlineGate)
{
    /// <summary>This run created the stored gate just before evaluating it (a short 404 on the trigger is then expected).</summary>
    public bool GateJustCreated { get; init; }
}
