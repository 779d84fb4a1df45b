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

    public override bool Changed => Gates.Any(g => g.Outcome.Result is GateResult.Created or GateResult.Updated);

    /// <summary>created only when every changed gate is new.</summary>
    public override string Result
    {
        get
        {
            if (!Succeeded) return "failed";
            var changed = Gates.Where(g => g.Outcome.Result != GateResult.Unchanged).ToList();
            return changed.Count == 0 ? "unchanged" : changed.All(g => g.Outcome.Result == GateResult.Created) ? "created" : "updated";
        }
    }

    public int Count(GateResult result) => Gates.Count(g => g.Outcome.Result == result);
}
