namespace DdGates.Evaluation;

/// <summary>
/// How an evaluation ended. <see cref="Rules"/> holds the last rule states seen (also for a timeout);
/// <see cref="Message"/> explains error, timeout and invalid outcomes.
/// </summary>
public sealed record EvaluationOutcome(
    GateStatus Status,
    string? EvaluationId,
    string? EvaluationUrl,
    bool DryRun,
    IReadOnlyList<RuleVerdict> Rules,
    string? Message = null);
