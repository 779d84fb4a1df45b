namespace DdGates.Evaluation;

/// <summary>
/// One rule's part in an evaluation: its state, Datadog's reason, whether it only observes (dry run), and for a
/// failed rule, when the history has it, the failing monitors and faulty resources.
/// </summary>
public sealed record RuleVerdict(string Name, EvaluationState State, string? Reason, bool DryRun, FailureDetail? Detail = null)
{
    /// <summary>The state as outputs and JSON spell it: pass, fail or in_progress.</summary>
    public string StateName => State switch
    {
        EvaluationState.Pass => "pass",
        EvaluationState.Fail => "fail",
        _ => "in_progress",
    };
}
