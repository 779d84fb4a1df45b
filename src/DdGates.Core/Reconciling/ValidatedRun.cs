using DdGates.Api;
using DdGates.Config;

namespace DdGates.Reconciling;

/// <summary>A run whose every input checked out: what to reconcile, where, with which credentials.</summary>
public sealed record ValidatedRun(DesiredState Desired, Uri ApiUrl, Credentials Keys, int Concurrency)
{
    /// <summary>apply: the hash of the reviewed plan (<see cref="Planning.PlanHash"/>); a different plan is refused before any write.</summary>
    public string? ExpectPlan { get; init; }

    /// <summary>plan and apply: count each monitor rule's matches before any write (off unless the command asks: not on the deploy path).</summary>
    public Preflight.PreflightMode Preflight { get; init; } = DdGates.Preflight.PreflightMode.Off;
}
