using DdGates.Applying;
using DdGates.Planning;

namespace DdGates.Reconciling;

/// <summary>
/// The plan as shown before applying, and one <see cref="GateRun"/> per gate in the same order, each
/// carrying the plan that was actually executed.
/// </summary>
public sealed record Applied(Plan Plan, IReadOnlyList<GateRun> Gates, int RequestsSent) : ReconcileOutcome(RequestsSent)
{
    public bool Succeeded => Gates.All(g => g.Outcome.Result != GateResult.Failed);

    public override bool Changed => Gates.Any(g => g.Outcome.Result is GateResult.Created or GateResult.Updated or GateResult.Deleted);

    /// <summary>created only when every changed gate is new, deleted only when every changed gate is gone.</summary>
    public override string Result
    {
        get
        {
            if (!Succeeded) return "failed";
            var changed = Gates.Where(g => g.Outcome.Result != GateResult.Unchanged).ToList();
            if (changed.Count == 0) return "unchanged";
            if (changed.All(g => g.Outcome.Result == GateResult.Created)) return "created";
            return changed.All(g => g.Outcome.Result == GateResult.Deleted) ? "deleted" : "updated";
        }
    }

    public int Count(GateResult result) => Gates.Count(g => g.Outcome.Result == result);
}
