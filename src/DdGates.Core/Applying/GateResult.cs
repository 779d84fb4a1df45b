namespace DdGates.Applying;

/// <summary>What apply did to a gate, as a past participle: a summary row reads "checkout/prod/default: updated".</summary>
public enum GateResult
{
    Unchanged,
    Created,
    Updated,
    Deleted,
    Failed,
}
