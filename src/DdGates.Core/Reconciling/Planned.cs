using DdGates.Planning;

namespace DdGates.Reconciling;

/// <summary>A plan, and no write (the plan command).</summary>
public sealed record Planned(Plan Plan, int RequestsSent) : ReconcileOutcome(RequestsSent)
{
    public override bool Changed => Plan.HasChanges;

    public override string Result => Plan.HasErrors ? "failed" : Plan.HasChanges ? "pending" : "unchanged";
}
