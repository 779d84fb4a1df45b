using DdGates.Cli.Rendering;
using DdGates.Evaluation;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands;

/// <summary>The exit code of a command and the one sentence that says why, decided here and nowhere else.</summary>
public sealed record RunExit(int Code, Conclusion Conclusion, string? Reason = null)
{
    public static readonly RunExit Ok = new(ExitCodes.Ok, Conclusion.Succeeded);

    public static RunExit Invalid(int problems) => new(ExitCodes.InvalidInput, Conclusion.Failed,
        $"{Words.Plural(problems, "problem", "problems")} in the input; nothing was sent to Datadog");

    public static RunExit Cancelled(string reason) => new(ExitCodes.Cancelled, Conclusion.Cancelled, reason);

    public static RunExit Crashed(Exception e) => new(ExitCodes.Failed, Conclusion.Crashed,
        $"dd-gates stopped on an unexpected error ({e.GetType().Name}: {e.Message}); this is a bug, please report it. What was applied so far is kept; a rerun converges.");

    public static RunExit For(ReconcileOutcome outcome, bool failOnDrift, bool detailedExitCode) => outcome switch
    {
        ReadFailed failed => new(ExitCodes.Failed, Conclusion.Failed, failed.Error),
        Applied { Succeeded: false } applied => new(ExitCodes.Failed, Conclusion.Failed,
            $"{applied.Count(Applying.GateResult.Failed)} of {applied.Gates.Count} gates failed; run again to finish: what was applied is kept, the rest is planned again"),
        Applied => Ok,
        Planned { Refused: { } refused } => new(ExitCodes.Failed, Conclusion.Failed, refused),
        Planned { Plan.HasErrors: true } => new(ExitCodes.Failed, Conclusion.Failed, "the plan has gates in error"),
        Planned { Plan.HasChanges: true } p when failOnDrift => new(ExitCodes.Failed, Conclusion.Failed, $"drift: {Words.Totals(p.Plan)} (fail-on-drift is on)"),
        Planned { Plan.HasChanges: true } when detailedExitCode => new(ExitCodes.ChangesPending, Conclusion.Succeeded),
        _ => Ok,
    };

    public static RunExit For(Reporting.ReadinessReport report, bool failUnlessReady)
    {
        if (report.Gates.Count == 0) return new(failUnlessReady ? ExitCodes.Failed : ExitCodes.Ok, failUnlessReady ? Conclusion.Failed : Conclusion.Succeeded, "no gate matches the selection");
        if (report.AllReady || !failUnlessReady) return Ok;
        var notReady = report.Gates.Where(g => g.Verdict != Reporting.Readiness.Ready).Select(g => g.Key.ToString()).ToList();
        return new(ExitCodes.Failed, Conclusion.Failed, $"not ready (fail-unless-ready is on): {string.Join(", ", notReady)}");
    }

    public static RunExit For(Verdict verdict, GateStatus status) =>
        verdict.Blocks ? new(verdict.ExitCode, Conclusion.Failed, verdict.Sentence)
        : status is GateStatus.Error or GateStatus.Timeout ? new(verdict.ExitCode, Conclusion.SucceededWithIssues, verdict.Sentence)
        : status is GateStatus.Pass ? new(verdict.ExitCode, Conclusion.Succeeded)
        : new(verdict.ExitCode, Conclusion.Succeeded, verdict.Sentence);
}
