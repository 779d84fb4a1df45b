using System.Net;
using DdGates.Api;

namespace DdGates.Evaluation;

/// <summary>
/// Triggers an evaluation and waits for the verdict within a deadline. A 404 just after the trigger
/// is expected; 429s, 5xx and dropped connections are retried until the deadline; 400/401/403/404 on
/// the trigger make the request invalid. Cancellation propagates (the caller prints the URL).
/// </summary>
public sealed class Evaluator(DatadogClient client, PollSchedule schedule, IRunReporter reporter, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The evaluation being waited for, once triggered: for messages on cancellation.</summary>
    public string? EvaluationId { get; private set; }

    public string? EvaluationUrl { get; private set; }

    public async Task<EvaluationOutcome> EvaluateAsync(EvaluationTarget target, DateTimeOffset deadline, CancellationToken ct)
    {
        try
        {
            using var budget = Budget(deadline, ct);
            EvaluationId = await TriggerAsync(target, budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Outcome(GateStatus.Timeout, [], "Datadog had not accepted the evaluation yet");
        }
        catch (DatadogApiException e) when (IsInvalid(e.StatusCode))
        {
            return Outcome(GateStatus.Invalid, [], e.Message);
        }
        catch (DatadogApiException e)
        {
            return Outcome(GateStatus.Error, [], e.Message);
        }

        reporter.Progress($"Evaluation {EvaluationId} started for {target.Key}");
        return await WaitAsync(deadline, ct);
    }

    /// <summary>Triggers; a gate this run just created may be unknown for a moment (404), so that is ridden out, bounded and shown.</summary>
    private async Task<string> TriggerAsync(EvaluationTarget target, CancellationToken ct)
    {
        var giveUpAt = _time.GetUtcNow() + (target.GateJustCreated ? schedule.NewGateGrace : TimeSpan.Zero);
        for (var attempt = 0; ; attempt++)
        {
            var wait = schedule.Delay(attempt);
            try
            {
                return await client.TriggerEvaluationAsync(WireMapping.ToRequest(target), ct);
            }
            catch (DatadogApiException e) when (e.IsNotFound && _time.GetUtcNow() + wait <= giveUpAt)
            {
                reporter.Progress($"Datadog does not find the gate {target.Key} created a moment ago yet (404); trying again in {wait.TotalSeconds:0.#}s");
                await Task.Delay(wait, _time, ct);
            }
        }
    }

    private async Task<EvaluationOutcome> WaitAsync(DateTimeOffset deadline, CancellationToken ct)
    {
        var triggeredAt = _time.GetUtcNow();
        IReadOnlyList<RuleVerdict> lastRules = [];
        var dryRun = false;
        string? lastProblem = null;
        for (var poll = 0; ; poll++)
        {
            var wait = schedule.Delay(poll);
            if (_time.GetUtcNow() + wait > deadline) wait = deadline - _time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct);
            if (_time.GetUtcNow() >= deadline) return Outcome(GateStatus.Timeout, lastRules, TimeoutMessage(lastRules, lastProblem), dryRun);

            try
            {
                using var budget = Budget(deadline, ct);
                var result = await client.GetEvaluationResultAsync(EvaluationId!, budget.Token);
                EvaluationUrl = result.EvaluationUrl;
                (lastRules, dryRun) = ([.. result.Rules.Select(WireMapping.ToVerdict)], result.DryRun);
                var state = WireMapping.ToState(result.GateStatus);
                if (state != EvaluationState.InProgress)
                {
                    var rules = await new FailureExplainer(client, schedule, reporter, _time).ExplainAsync(EvaluationId!, triggeredAt, lastRules, deadline, budget.Token, ct);
                    return Outcome(state == EvaluationState.Pass ? GateStatus.Pass : GateStatus.Fail, rules, null, dryRun);
                }

                var done = lastRules.Count(r => r.State != EvaluationState.InProgress);
                reporter.Progress($"In progress: {done}/{lastRules.Count} rules done; next check in {schedule.Delay(poll + 1).TotalSeconds:0.#}s");
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return Outcome(GateStatus.Timeout, lastRules, TimeoutMessage(lastRules, lastProblem), dryRun);
            }
            catch (DatadogApiException e) when (e.IsNotFound && _time.GetUtcNow() - triggeredAt < schedule.NotFoundGrace)
            {
                // Expected: the result is not readable for a few seconds after the trigger.
            }
            catch (DatadogApiException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
            {
                return Outcome(GateStatus.Invalid, lastRules, e.Message, dryRun);
            }
            catch (DatadogApiException e)
            {
                lastProblem = e.Message;
                reporter.Debug($"{e.Message}; still waiting for the verdict");
            }
        }
    }

    private EvaluationOutcome Outcome(GateStatus status, IReadOnlyList<RuleVerdict> rules, string? message, bool dryRun = false) =>
        new(status, EvaluationId, EvaluationUrl, dryRun, rules, message);

    private CancellationTokenSource Budget(DateTimeOffset deadline, CancellationToken ct)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var remaining = deadline - _time.GetUtcNow();
        budget.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        return budget;
    }

    private static bool IsInvalid(HttpStatusCode? status) =>
        status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    private static string TimeoutMessage(IReadOnlyList<RuleVerdict> rules, string? lastProblem)
    {
        var running = rules.Where(r => r.State == EvaluationState.InProgress).Select(r => r.Name).ToList();
        var text = running.Count > 0 ? $"still running: {string.Join(", ", running)}" : "no rule had finished";
        return lastProblem is null ? text : $"{text}; last error: {lastProblem}";
    }
}
