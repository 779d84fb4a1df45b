using DdGates.Evaluation;

namespace DdGates.Cli.Commands;

/// <summary>Whether the deploy goes ahead, the exit code that says so, and a sentence a person reads first.</summary>
public sealed record Verdict(int ExitCode, bool Blocks, string Sentence)
{
    public static Verdict Decide(EvaluationOutcome o, bool failOnError, string gate) => o.Status switch
    {
        GateStatus.Pass => new(ExitCodes.Ok, false, $"PASS: {gate} may deploy." + (o.DryRun ? " (The gate is in dry-run mode and always passes.)" : "")),
        GateStatus.Fail when o.DryRun => new(ExitCodes.Ok, false, $"FAIL (dry run): {gate} failed but is in dry-run mode; not blocking."),
        GateStatus.Fail => new(ExitCodes.GateFailed, true, $"FAIL: {gate} says do not deploy."),
        GateStatus.Error => failOnError
            ? new(ExitCodes.Failed, true, $"ERROR: no verdict for {gate}, and fail-on-error blocks the deploy: {o.Message}")
            : new(ExitCodes.Ok, false, $"ERROR: no verdict for {gate}; deploying anyway because fail-on-error is off: {o.Message}"),
        GateStatus.Timeout => failOnError
            ? new(ExitCodes.EvaluationTimedOut, true, $"TIMEOUT: {gate}: {o.Message}; fail-on-error blocks the deploy.")
            : new(ExitCodes.Ok, false, $"TIMEOUT: {gate}: {o.Message}; deploying anyway because fail-on-error is off."),
        _ => new(ExitCodes.InvalidInput, true, $"INVALID: {gate}: {o.Message}"),
    };
}
