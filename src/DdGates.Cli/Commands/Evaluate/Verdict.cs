using System.Globalization;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Evaluation;
using DdGates.Inputs;

namespace DdGates.Cli.Commands.Evaluate;

/// <summary>Whether the deploy goes ahead, the exit code that says so, a heading, and a sentence a person reads first.</summary>
public sealed record Verdict(int ExitCode, bool Blocks, string Heading, string Sentence)
{
    public static Verdict Decide(EvaluationOutcome o, bool failOnError, string gate, TimeSpan timeout, InputNames names)
    {
        var failOn = names.On(Input.FailOnError);
        var limit = $"the {Seconds(timeout)} s timeout ({names.Of(Input.Timeout)}, counted from the start of the step)";
        return o.Status switch
        {
            GateStatus.Pass => new(ExitCodes.Ok, false, "pass", $"PASS: {gate} may deploy." + (o.DryRun ? " (The gate is in dry-run mode and always passes.)" : "")),
            GateStatus.Fail when o.DryRun => new(ExitCodes.Ok, false, "would have blocked (dry run)",
                $"DRY RUN: {gate} would have blocked this deploy; the gate is in dry-run mode, so the deploy goes ahead."),
            GateStatus.Fail => new(ExitCodes.GateFailed, true, "blocked", $"FAIL: {gate} says do not deploy."),
            GateStatus.Error => failOnError
                ? new(ExitCodes.Failed, true, "error, deploy blocked", $"ERROR: no verdict for {gate}, and {failOn} blocks the deploy: {o.Message}")
                : new(ExitCodes.Ok, false, "error, deploying anyway", $"ERROR: no verdict for {gate}; deploying anyway ({failOn} would block): {o.Message}"),
            GateStatus.Timeout => failOnError
                ? new(ExitCodes.EvaluationTimedOut, true, "timed out, deploy blocked", $"TIMEOUT: {gate}: no verdict within {limit} ({o.Message}); {failOn} blocks the deploy.")
                : new(ExitCodes.Ok, false, "timed out, deploying anyway", $"TIMEOUT: {gate}: no verdict within {limit} ({o.Message}); deploying anyway ({failOn} would block)."),
            _ => new(ExitCodes.InvalidInput, true, "invalid", $"INVALID: {gate}: {o.Message}"),
        };
    }

    public CommandExit Exit(GateStatus status) =>
        Blocks ? new(ExitCode, Conclusion.Failed, Sentence)
        : status is GateStatus.Error or GateStatus.Timeout ? new(ExitCode, Conclusion.SucceededWithIssues, Sentence)
        : status is GateStatus.Pass ? new(ExitCode, Conclusion.Succeeded)
        : new(ExitCode, Conclusion.Succeeded, Sentence);

    private static string Seconds(TimeSpan t) => ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
