namespace DdGates.Evaluation;

/// <summary>One rule's part in an evaluation: its state, Datadog's reason, and whether it only observes (dry run).</summary>
public sealed record RuleVerdict(string Name, EvaluationState State, string? Reason, bool DryRun)
{
    /// <summary>The state as outputs and JSON spell it: pass, fail or in_progress.</summary>
    public string StateName => State switch
    {
        EvaluationState.Pass => "pass",
        EvaluationState.Fail => "fail",
        _ => "in_progress",
    };
}
