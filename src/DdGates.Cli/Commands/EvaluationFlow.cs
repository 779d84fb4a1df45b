using DdGates.Api;
using DdGates.Applying;
using DdGates.Evaluation;

namespace DdGates.Cli.Commands;

/// <summary>
/// Apply first when asked (and stop if that fails), then evaluate within the deadline. Keeps the
/// evaluation's id and URL so that a cancelled run can say where the evaluation goes on.
/// </summary>
public sealed class EvaluationFlow(ValidatedEvaluation evaluation, IRunReporter reporter, RetryPolicy policy, PollSchedule schedule)
{
    private Evaluator? _evaluator;

    public string? EvaluationId => _evaluator?.EvaluationId;

    public string? EvaluationUrl => _evaluator?.EvaluationUrl;

    public async Task<(ReconcileOutcome? Applied, EvaluationOutcome? Outcome)> RunAsync(DateTimeOffset deadline, Action<GateOutcome>? onGate, CancellationToken ct)
    {
        ReconcileOutcome? applied = null;
        if (evaluation.ApplyFirst)
        {
            applied = await Reconciliation.RunAsync(evaluation.Run, apply: true, reporter, onGate, policy, ct);
            if (applied.Error is not null || applied.Applied?.Succeeded != true) return (applied, null);
        }

        using var client = new DatadogClient(evaluation.Run.ApiUrl, evaluation.Run.Keys, policy, reporter.Warning);
        _evaluator = new Evaluator(client, schedule, reporter);
        var created = applied?.Applied?.Gates.Any(g => g.Key == evaluation.Target.Key && g.Result == GateResult.Created) == true;
        return (applied, await _evaluator.EvaluateAsync(evaluation.Target with { GateJustCreated = created }, deadline, ct));
    }

    /// <summary>
    /// What to tell a person when the run is cancelled while Datadog evaluates. Cancelled before the first poll,
    /// the evaluation's link is not known yet: one quick read (3 s at most) fetches it.
    /// </summary>
    public async Task<string> CancelledMessageAsync()
    {
        if (EvaluationId is not { } id) return "Cancelled before an evaluation started.";
        var url = EvaluationUrl;
        if (url is null)
        {
            var quick = new RetryPolicy { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(100), AttemptTimeout = TimeSpan.FromSeconds(3), CallDeadline = TimeSpan.FromSeconds(3) };
            try
            {
                using var client = new DatadogClient(evaluation.Run.ApiUrl, evaluation.Run.Keys, quick);
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
