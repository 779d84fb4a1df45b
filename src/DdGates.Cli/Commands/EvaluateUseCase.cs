using DdGates.Api;
using DdGates.Applying;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Validation;
using DdGates.Evaluation;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands;

/// <summary>
/// evaluate (and apply-and-evaluate): apply first when asked, and stop if that fails; then ask the gate and
/// wait for the verdict until the deadline, counted from the start of the step.
/// </summary>
public sealed class EvaluateUseCase(IRunPresenter presenter, Func<string, string?> readFile, RetryPolicy policy, PollSchedule schedule)
{
    public async Task<RunExit> RunAsync(EvaluateSettings settings, DateTimeOffset startedAt, CancellationToken ct)
    {
        var reconcile = new ReconcileUseCase(presenter, readFile, policy);
        var (evaluation, problems) = EvaluateValidator.Validate(settings, readFile);
        if (evaluation is null) return reconcile.Invalid(problems);

        var target = evaluation.Target;
        if (evaluation.ApplyFirst)
        {
            var outcome = await reconcile.ReconcileAsync(evaluation.Run, apply: true, ct);
            if (outcome is not Applied { Succeeded: true } applied)
            {
                var why = RunExit.For(outcome, failOnDrift: false, detailedExitCode: false).Reason;
                return new RunExit(ExitCodes.Failed, Conclusion.Failed, $"the apply before the evaluation failed, so the gate was not evaluated: {why}");
            }

            target = target with { GateJustCreated = applied.Gates.Any(g => g.Plan.Key == target.Key && g.Outcome.Result == GateResult.Created) };
        }

        if (!evaluation.ApplyFirst && DatadogSite.PlaintextWarning(evaluation.Run.ApiUrl) is { } plaintext) presenter.Warning(plaintext); // apply already said it
        using var client = new DatadogClient(evaluation.Run.ApiUrl, evaluation.Run.Keys, policy, presenter.Debug);
        var evaluator = new Evaluator(client, schedule, presenter);
        try
        {
            EvaluationOutcome outcome;
            using (presenter.Group($"evaluate {target.Key}"))
            {
                outcome = await evaluator.EvaluateAsync(target, startedAt + evaluation.Timeout, ct);
            }

            var verdict = Verdict.Decide(outcome, evaluation.FailOnError, target.Key.ToString());
            presenter.Evaluated(evaluation, outcome, verdict);
            return RunExit.For(verdict, outcome.Status);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return RunExit.Cancelled(await CancelledMessageAsync(evaluator, evaluation.Run));
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
