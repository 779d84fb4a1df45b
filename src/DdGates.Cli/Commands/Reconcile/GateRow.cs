using DdGates.Applying;
using DdGates.Model;
using DdGates.Planning;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>
/// One selected gate, decided once: the plan shown before anything was written, the plan executed (after adopting an
/// existing gate, the plan against its real rules) and, after apply, its outcome. Every surface reads these.
/// </summary>
public sealed record GateRow(GatePlan Shown, GatePlan Executed, GateOutcome? Outcome)
{
    public GateKey Key => Shown.Key;

    public GateAction Action { get; } = ActionOf(Shown);

    public string? Error => Outcome?.Error ?? Shown.Error;

    public string Id => Outcome?.GateId ?? Executed.Actual?.Id ?? Shown.Actual?.Id ?? "";

    /// <summary>Enforcement this gate's plan turns on: shown beside the gate on every surface.</summary>
    public IReadOnlyList<Enforcement> Enforcement { get; } = Shown.EnforcementTurnedOn;

    /// <summary>The gate is in Datadog after this run (a plan: before it): what gate-ids lists.</summary>
    public bool Exists => Outcome is { } o ? o.Result != GateResult.Deleted && !string.IsNullOrEmpty(o.GateId) : Shown.Actual is not null;

    /// <summary>apply created the gate, but some of its rules failed: it exists, with <see cref="Id"/>, and needs a rerun.</summary>
    public bool CreatedPartly => Outcome is { Result: GateResult.Failed, GateCreated: true };

    /// <summary>Worth a section of its own: something changes, failed or is unmanaged.</summary>
    public bool IsNotable => !Shown.IsUnchanged || Outcome?.Error is not null || Outcome?.Result == GateResult.Failed;

    public RuleOutcome? RuleResult(RulePlan rule) => Outcome?.Rules.FirstOrDefault(r => r.Name == rule.Name && r.Change == rule.Change);

    private static GateAction ActionOf(GatePlan gate) =>
        gate.Error is not null ? GateAction.Error
        : gate.Change == GateChange.Create ? GateAction.Create
        : gate.Change == GateChange.Delete ? GateAction.Delete
        : gate.Desired.Absent ? GateAction.Absent
        : gate.HasWrites ? GateAction.Update
        : GateAction.Unchanged;
}
