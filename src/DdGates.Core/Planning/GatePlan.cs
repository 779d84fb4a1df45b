using DdGates.Model;

namespace DdGates.Planning;

/// <summary>
/// The plan for one gate. When <see cref="Error"/> is set the gate is left alone (for example, the
/// server holds two rules of one name and the tool will not guess which one is meant).
/// </summary>
public sealed record GatePlan(
    GateSpec Desired,
    ActualGate? Actual,
    GateChange Change,
    IReadOnlyList<RulePlan> Rules,
    string? Error = null)
{
    public GateKey Key => Desired.Key;

    public bool HasWrites => Error is null && (Change != GateChange.Unchanged || Rules.Any(r => r.IsWrite));

    public IEnumerable<RulePlan> Unmanaged => Rules.Where(r => r.Change == RuleChange.Unmanaged);

    /// <summary>Nothing to write, nothing in error, nothing unmanaged to report: one line in any report.</summary>
    public bool IsUnchanged => Error is null && !HasWrites && !Unmanaged.Any();
}
