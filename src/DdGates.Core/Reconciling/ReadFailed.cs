namespace DdGates.Reconciling;

/// <summary>Datadog could not be read, so nothing was planned and nothing written.</summary>
public sealed record ReadFailed(string Error, int RequestsSent) : ReconcileOutcome(RequestsSent)
{
    public override bool Changed => false;

    public override string Result => "failed";
}
