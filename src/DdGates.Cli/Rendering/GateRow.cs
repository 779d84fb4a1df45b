using DdGates.Applying;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Rendering;

/// <summary>
/// One row per selected gate, in file order: the plan that was executed and, after apply, its outcome. Every
/// report reads the outcome through this, so none of them joins plans and results by position.
/// </summary>
public sealed record GateRow(GatePlan Plan, GateOutcome? Outcome)
{
    public string? Error => Outcome?.Error ?? Plan.Error;

    public string Id => Outcome?.GateId ?? Plan.Actual?.Id ?? "";

    /// <summary>Worth a section of its own: something changes, failed or is unmanaged.</summary>
    public bool IsNotable => !Plan.IsUnchanged || Outcome?.Error is not null || Outcome?.Result == GateResult.Failed;

    public RuleOutcome? RuleResult(RulePlan rule) => Outcome?.Rules.FirstOrDefault(r => r.Name == rule.Name && r.Change == rule.Change);

    /// <summary>The plan shown before anything was applied (plan and apply outcomes; a failed read has none).</summary>
    public static Plan PlanShown(ReconcileOutcome outcome) => outcome switch
    {
        Applied applied => applied.Plan,
        Planned planned => planned.Plan,
        _ => throw new ArgumentException("a failed read has no plan", nameof(outcome)),
    };

    public static IReadOnlyList<GateRow> Of(ReconcileOutcome outcome) => outcome switch
    {
        Applied applied => [.. applied.Gates.Select(g => new GateRow(g.Plan, g.Outcome))],
        Planned planned => [.. planned.Plan.Gates.Select(g => new GateRow(g, null))],
        _ => [],
    };
}
