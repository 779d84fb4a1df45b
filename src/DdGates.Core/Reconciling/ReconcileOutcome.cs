namespace DdGates.Reconciling;

/// <summary>
/// How one plan or apply ended, as exactly one of <see cref="ReadFailed"/>, <see cref="Planned"/> or
/// <see cref="Applied"/>. <see cref="Result"/> is the step's <c>result</c> output, decided here once.
/// </summary>
public abstract record ReconcileOutcome(int RequestsSent)
{
    /// <summary>Something changed (apply) or would change (plan).</summary>
    public abstract bool Changed { get; }

    /// <summary>failed, pending, unchanged, created or updated.</summary>
    public abstract string Result { get; }

    /// <summary>What the preflight found before any write (<see cref="Preflight.PreflightResult.Off"/> when it did not run).</summary>
    public Preflight.PreflightResult Preflight { get; init; } = DdGates.Preflight.PreflightResult.Off;

    /// <summary>With <c>--preflight fail</c>: the preflight found rules that would fail every evaluation (plan fails; apply writes nothing).</summary>
    public bool PreflightFailed { get; init; }
}
