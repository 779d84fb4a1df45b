namespace DdGates.Evaluation;

/// <summary>Where Datadog's evaluation of a gate or of one rule stands (the wire's in_progress, pass, fail).</summary>
public enum EvaluationState
{
    /// <summary>Still running; also any state this version does not know, which is not a verdict either.</summary>
    InProgress,
    Pass,
    Fail,
}
