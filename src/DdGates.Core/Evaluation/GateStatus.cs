namespace DdGates.Evaluation;

/// <summary>The five outcomes of an evaluation, kept apart because they call for different actions.</summary>
public enum GateStatus
{
    /// <summary>Datadog says go.</summary>
    Pass,
    /// <summary>Datadog says stop: a non-dry-run rule failed.</summary>
    Fail,
    /// <summary>No verdict: Datadog unreachable or answering errors.</summary>
    Error,
    /// <summary>No verdict within the timeout budget.</summary>
    Timeout,
    /// <summary>The request cannot succeed: bad inputs, no such gate, keys refused.</summary>
    Invalid,
}

public static class GateStatusNames
{
    public static string ToOutput(this GateStatus status) => status.ToString().ToLowerInvariant();
}
