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

    /// <summary>
    /// Where this plan turns enforcement on, the riskiest change a file can make: from then on the gate can block
    /// deploys. The gate's own dry_run going true -> false, or a rule's dry_run going true -> false on a gate that enforces.
    /// </summary>
    public IReadOnlyList<Enforcement> EnforcementTurnedOn
    {
        get
        {
            if (Error is not null || Desired.Absent || Change is GateChange.Delete or GateChange.Create) return [];
            var found = new List<Enforcement>();
            if (!Desired.DryRun && Change == GateChange.Update && Actual?.DryRun == true) found.Add(new Enforcement(null));
            if (Desired.DryRun) return found;
            foreach (var rule in Rules.Where(r => r.Change is RuleChange.Update or RuleChange.Replace))
            {
                if (rule.Fields.Any(f => f.Field == "dry_run" && f.Before == "true" && f.After == "false")) found.Add(new Enforcement(rule.Name));
            }

            return found;
        }
    }

    /// <summary>Nothing to write, nothing in error, nothing unmanaged to report: one line in any report.</summary>
    public bool IsUnchanged => Error is null && !HasWrites && !Unmanaged.Any();
}
