using DdGates.Api;
using DdGates.Applying;
using DdGates.Cli.Commands.Reconcile;
using DdGates.Cli.Exit;
using DdGates.Cli.Presenting;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Http;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Evaluate;

/// <summary>
/// evaluate (and apply-and-evaluate): apply first when asked, and stop if that fails; then ask the gate and
/// wait for the verdict until the deadline, counted from the start of the step.
/// </summary>
public sealed class EvaluateCommand(IRunPresenter presenter, CommandContext context)
{
    public async Task<CommandExit> RunAsync(EvaluateSettings settings, CancellationToken ct)
    {
        var names = settings.Run.Names;
        var (evaluation, problems) = EvaluateValidator.Validate(settings, context.ReadFile);
        if (evaluation is null)
        {
            presenter.Show(new ProblemsView(problems, names, evaluates: true));
            return CommandExit.Invalid(problems.Count);
        }

        var target = evaluation.Target;
        if (evaluation.ApplyFirst)
        {
            // No preflight on the deploy path: evaluate (also after its apply) sends what it always sent.
            var view = await new ReconcileCommand(presenter, context).ReconcileAsync(evaluation.Run with { Preflight = DdGates.Preflight.PreflightMode.Off }, apply: true, names, ct);
            if (view.Outcome is not Applied { Succeeded: true } applied)
            {
                var why = ReconcileExit.Of(view, failOnDrift: false, detailedExitCode: false).Reason;
                return new CommandExit(ExitCodes.Failed, Conclusion.Failed, $"the apply before the evaluation failed, so the gate was not evaluated: {why}");
            }

            target = target with { GateJustCreated = applied.Gates.Any(g => g.Plan.Key == target.Key && g.Outcome.Result == GateResult.Created) };
        }

        if (!evaluation.ApplyFirst && DatadogSite.PlaintextWarning(evaluation.Run.ApiUrl) is { } plaintext) presenter.Warning(plaintext); // apply already said it
        using var client = new DatadogClient(evaluation.Run.ApiUrl, evaluation.Run.Keys, context.Policy, presenter.Debug);
        var evaluator = new Evaluator(client, context.Schedule, presenter, context.Time);
        try
        {
            EvaluationOutcome outcome;
            using (presenter.Group($"evaluate {target.Key}"))
            {
                outcome = await evaluator.EvaluateAsync(target, context.Runtime.StartedAt + evaluation.Timeout, ct);
            }

            var verdict = Verdict.Decide(outcome, evaluation.FailOnError, target.Key.ToString(), evaluation.Timeout, names);
            presenter.Show(new EvaluateView(evaluation, outcome, verdict));
            return verdict.Exit(outcome.Status);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return CommandExit.Cancelled(await CancelledMessageAsync(evaluator, evaluation.Run));
        }
        finally
        {
            if (client.SlowdownWarning() is { } slow) presenter.Warning(slow);
        }
    }

    /// <summary>
    /// Cancelled while Datadog evaluates: say where the evaluation goes on. Before the first poll its link
    /// is not known yet, so one quick read (3 s at most) fetches it.
    /// </summary>
    private static async Task<string> CancelledMessageAsync(Evaluator evaluator, ValidatedRun run)
    {
        if (evaluator.EvaluationId is not { } id) return "Cancelled before an evaluation started.";
        var url = evaluator.EvaluationUrl;
        if (url is null)
        {
            var quick = new RetryPolicy { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(100), AttemptTimeout = TimeSpan.FromSeconds(3), CallDeadline = TimeSpan.FromSeconds(3) };
            try
            {
                using var client = new DatadogClient(run.ApiUrl, run.Keys, quick);
                using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                url = (await client.GetEvaluationResultAsync(id, budget.Token)).EvaluationUrl;
            }
            catch (Exception e) when (e is DatadogApiException or OperationCanceledException)
            {
                // The id is still worth printing.
            }
        }

        return $"Cancelled while waiting; evaluation {id} goes on in Datadog" + (string.IsNullOrEmpty(url) ? "." : $": {url}");
    }
}
