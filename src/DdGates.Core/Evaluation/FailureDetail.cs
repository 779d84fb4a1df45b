namespace DdGates.Evaluation;

/// <summary>Why a rule failed, from its rule evaluation: each failing monitor with its link, and the faulty resources Watchdog found.</summary>
public sealed record FailureDetail(IReadOnlyList<MonitorFailure> Monitors, IReadOnlyList<string> FaultyResources)
{
    public bool IsEmpty => Monitors.Count == 0 && FaultyResources.Count == 0;
}

/// <summary>A monitor that made a rule fail: its id, its state (Alert, No Data, ...) and its page over the evaluation window.</summary>
public sealed record MonitorFailure(string Id, string State, string Url);
