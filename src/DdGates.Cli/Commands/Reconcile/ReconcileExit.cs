using DdGates.Applying;
using DdGates.Cli.Exit;
using DdGates.Cli.Text;
using DdGates.Config;
using DdGates.Inputs;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>How plan and apply end, from their one view: the code and the one sentence that says why.</summary>
public static class ReconcileExit
{
    public static CommandExit Of(ReconcileView view, bool failOnDrift, bool detailedExitCode) => view.Outcome switch
    {
        ReadFailed failed => new(ExitCodes.Failed, Conclusion.Failed, failed.Error),
        Applied { Succeeded: false } => new(ExitCodes.Failed, Conclusion.Failed, PartialApply(view)),
        Applied => CommandExit.Ok,
        Planned { Refused: { } refused } => new(ExitCodes.Failed, Conclusion.Failed, refused),
        Planned { PreflightFailed: true } p => new(ExitCodes.Failed, Conclusion.Failed, $"{p.Preflight.Stops} ({view.Names.Set(DdGates.Inputs.Input.Preflight, "fail")})"),
        Planned { Plan.HasErrors: true } => new(ExitCodes.Failed, Conclusion.Failed, $"the plan has {Text.Words.Plural(view.Counts.Gates[GateAction.Error], "gate", "gates")} in error"),
        Planned { Plan.HasChanges: true } when failOnDrift => new(ExitCodes.Failed, Conclusion.Failed,
            $"drift: {view.Counts.Sentence()} ({view.Names.On(DdGates.Inputs.Input.FailOnDrift)} fails the step on changes pending)"),
        Planned { Plan.HasChanges: true } when detailedExitCode => new(ExitCodes.ChangesPending, Conclusion.Succeeded),
        _ => CommandExit.Ok,
    };

    /// <summary>Which gates failed, which of those were created anyway (with their ids), and that a rerun finishes.</summary>
    private static string PartialApply(ReconcileView view)
    {
        var failed = view.Rows.Where(r => r.Outcome?.Result == GateResult.Failed).ToList();
        var created = failed.Where(r => r.CreatedPartly).Select(r => $"{r.Key} ({r.Id})").ToList();
        var text = $"{failed.Count} of {view.Rows.Count} gates failed";
        if (created.Count > 0) text += $"; created, but with rules missing: {string.Join(", ", created)}";
        return text + "; run again to finish: what was applied is kept, the rest is planned again";
    }
}
