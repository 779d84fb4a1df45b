using DdGates.Planning;

namespace DdGates.Reconciling;

/// <summary>A plan, and no write: the plan command, or an apply refused because the plan is not the one reviewed.</summary>
public sealed record Planned(Plan Plan, int RequestsSent) : ReconcileOutcome(RequestsSent)
{
    /// <summary>apply with an expected plan hash that differs, or rules the preflight stops on: why nothing was written.</summary>
    public string? Refused { get; init; }

    public override bool Changed => Plan.HasChanges && Refused is null;

    public override string Result => Plan.HasErrors || Refused is not null || PreflightFailed ? "failed" : Plan.HasChanges ? "pending" : "unchanged";
}
