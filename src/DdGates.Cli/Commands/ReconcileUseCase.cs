using DdGates.Api;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Rendering;
using DdGates.Cli.Validation;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands;

/// <summary>validate, plan and apply: check every input, then read, plan and (apply) write, showing each step.</summary>
public sealed class ReconcileUseCase(IRunPresenter presenter, Func<string, string?> readFile, RetryPolicy policy)
{
    public RunExit Validate(RunSettings settings)
    {
        var (run, problems) = RunValidator.Validate(settings, readFile, needsKeys: false);
        if (run is null) return Invalid(problems);
        foreach (var warning in run.Desired.Warnings) presenter.Warning(warning);
        presenter.Validated(run.Desired);
        return RunExit.Ok;
    }

    public async Task<RunExit> RunAsync(RunSettings settings, bool apply, CancellationToken ct) => (await RunAndKeepAsync(settings, apply, ct)).Exit;

    /// <summary>As <see cref="RunAsync"/>, keeping what it ended with: the outcome, or the problems that stopped it before anything was sent.</summary>
    public async Task<ReconcileRun> RunAndKeepAsync(RunSettings settings, bool apply, CancellationToken ct)
    {
        var (run, problems) = RunValidator.Validate(settings, readFile, needsKeys: true);
        if (run is null) return new ReconcileRun(Invalid(problems), null, problems);
        foreach (var warning in run.Desired.Warnings) presenter.Warning(warning);
        var outcome = await ReconcileAsync(run, apply, ct);
        return new ReconcileRun(RunExit.For(outcome, settings.FailOnDrift, settings.DetailedExitCode), outcome, []);
    }

    /// <summary>Read, plan and (apply) write, in a log group; the outcome is shown before it is returned.</summary>
    public async Task<ReconcileOutcome> ReconcileAsync(ValidatedRun run, bool apply, CancellationToken ct)
    {
        ReconcileOutcome outcome;
        using (presenter.Group($"{(apply ? "apply" : "plan")}: {Words.Plural(run.Desired.Gates.Count, "gate", "gates")}"))
        {
            outcome = await Reconciler.RunAsync(run, apply, presenter, policy, ct, presenter.Planned, presenter.GateApplied);
        }

        presenter.Reconciled(outcome);
        return outcome;
    }

    public RunExit Invalid(IReadOnlyList<Config.Diagnostic> problems)
    {
        presenter.Invalid(problems);
        return RunExit.Invalid(problems.Count);
    }
}

/// <summary>How a validate-plan-apply run ended: its exit, and its outcome (null when the input was invalid, with the problems).</summary>
public sealed record ReconcileRun(RunExit Exit, ReconcileOutcome? Outcome, IReadOnlyList<Config.Diagnostic> Problems);
