using DdGates.Cli.Commands.Validate;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Config;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>validate, plan and apply: check every input, then read, plan and (apply) write, showing each step.</summary>
public sealed class ReconcileCommand(IRunPresenter presenter, CommandContext context)
{
    public CommandExit Validate(RunSettings settings)
    {
        var (run, problems) = ReconcileValidator.Validate(settings, context.ReadFile, needsKeys: false);
        if (run is null) return Invalid(problems, settings.Names);
        foreach (var warning in run.Desired.Warnings) presenter.Warning(warning);
        presenter.Show(new Validate.ValidateView(run.Desired));
        return CommandExit.Ok;
    }

    public async Task<CommandExit> RunAsync(RunSettings settings, bool apply, CancellationToken ct) => (await PlanOrApplyAsync(settings, apply, ct)).Exit;

    /// <summary>As <see cref="RunAsync"/>, keeping what it ended with: its view, or the problems that stopped it before anything was sent.</summary>
    public async Task<ReconcileResult> PlanOrApplyAsync(RunSettings settings, bool apply, CancellationToken ct)
    {
        var (run, problems) = ReconcileValidator.Validate(settings, context.ReadFile, needsKeys: true);
        if (run is null) return new ReconcileResult(Invalid(problems, settings.Names), null, problems);
        foreach (var warning in run.Desired.Warnings) presenter.Warning(warning);
        var view = await ReconcileAsync(run, apply, settings.Names, ct);
        return new ReconcileResult(ReconcileExit.Of(view, settings.FailOnDrift, settings.DetailedExitCode), view, []);
    }

    /// <summary>Read, plan and (apply) write, in a log group; apply shows the plan before its first write, and the view is shown before it is returned.</summary>
    public async Task<ReconcileView> ReconcileAsync(ValidatedRun run, bool apply, InputNames names, CancellationToken ct)
    {
        ReconcileOutcome outcome;
        ApplyProgress? progress = null;
        using (presenter.Group($"{(apply ? "apply" : "plan")}: {Words.Plural(run.Desired.Gates.Count, "gate", "gates")}"))
        {
            outcome = await Reconciler.RunAsync(run, apply, presenter, context.Policy, ct,
                (plan, preflight) =>
                {
                    progress = new ApplyProgress(plan, presenter);
                    if (apply) presenter.Planned(ReconcileView.BeforeApply(plan, preflight, names));
                },
                gate => progress?.Report(gate));
        }

        var view = new ReconcileView(outcome, apply, names);
        presenter.Show(view);
        presenter.Progress(outcome is Applied || !apply ? $"{outcome.RequestsSent} requests sent{(apply ? "" : ", no writes (plan)")}" : $"{outcome.RequestsSent} requests sent, no writes");
        return view;
    }

    public CommandExit Invalid(IReadOnlyList<Diagnostic> problems, InputNames names)
    {
        presenter.Show(new ProblemsView(problems, names));
        return CommandExit.Invalid(problems.Count);
    }
}

/// <summary>How a plan or apply ended: its exit, and its view (null when the input was invalid, with the problems).</summary>
public sealed record ReconcileResult(CommandExit Exit, ReconcileView? View, IReadOnlyList<Diagnostic> Problems);
