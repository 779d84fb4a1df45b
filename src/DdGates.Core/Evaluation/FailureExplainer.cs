using DdGates.Api;

namespace DdGates.Evaluation;

/// <summary>
/// Adds why each failed rule failed, from the rule evaluations of the evaluation (the history list). Never changes a
/// verdict: where the history is missing (an older server), late or unreadable, the rules keep Datadog's one reason.
/// </summary>
internal sealed class FailureExplainer(DatadogClient client, PollSchedule schedule, IRunReporter reporter, TimeProvider time)
{
    /// <summary>Finished rows lag the result for a while: this many reads, a poll interval apart, before giving up.</summary>
    private const int Attempts = 3;

    /// <param name="budget">Ends at the deadline: running out of it ends the explaining, not the verdict.</param>
    public async Task<IReadOnlyList<RuleVerdict>> ExplainAsync(string evaluationId, DateTimeOffset triggeredAt, IReadOnlyList<RuleVerdict> rules,
        DateTimeOffset deadline, CancellationToken budget, CancellationToken ct)
    {
        var failed = rules.Where(r => r.State == EvaluationState.Fail).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        if (failed.Count == 0) return rules;
        var filter = new EvaluationHistoryFilter { GateEvaluationId = evaluationId, Status = ["fail"], From = triggeredAt - TimeSpan.FromHours(1) };
        var details = new Dictionary<string, FailureDetail>(StringComparer.Ordinal);
        try
        {
            for (var attempt = 0; attempt < Attempts && details.Count < failed.Count; attempt++)
            {
                if (attempt > 0)
                {
                    var wait = schedule.Delay(attempt);
                    if (time.GetUtcNow() + wait > deadline) break;
                    await Task.Delay(wait, time, budget);
                }

                foreach (var row in await client.ListRuleEvaluationsAsync(filter, budget))
                {
                    var a = row.Attributes;
                    if (!failed.Contains(a.Name)) continue;
                    details[a.Name] = new FailureDetail(
                        [.. a.Failures.Monitors.Select(m => new MonitorFailure(m.Id, m.State, MonitorLink.Window(m.Url, a.StartedAt, a.FinishedAt, a.Configuration?.Duration)))], [.. a.Failures.FaultyApmResources]);
                }
            }
        }
        catch (DatadogApiException e)
        {
            reporter.Debug($"the rule evaluations are not available ({e.Message}); showing Datadog's reasons only");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            reporter.Debug("the timeout ran out while reading why rules failed; showing Datadog's reasons only");
        }

        return [.. rules.Select(r => details.TryGetValue(r.Name, out var d) && !d.IsEmpty ? r with { Detail = d } : r)];
    }
}
