using DdGates.Api;
using DdGates.Config;

namespace DdGates.Reconciling;

/// <summary>A run whose every input checked out: what to reconcile, where, with which credentials.</summary>
public sealed record ValidatedRun(DesiredState Desired, Uri ApiUrl, Credentials Keys, int Concurrency)
{
    /// <summary>apply: the hash of the reviewed plan (<see cref="Planning.PlanHash"/>); a different plan is refused before any write.</summary>
    public string? ExpectPlan { get; init; }
}
