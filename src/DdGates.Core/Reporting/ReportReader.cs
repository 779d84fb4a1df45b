using System.Collections.Concurrent;
using DdGates.Api;
using DdGates.Model;

namespace DdGates.Reporting;

/// <summary>
/// Reads what the report needs: the selected gates (one listing of the organization's gates), then per gate its
/// evaluations and its failed rule evaluations over the window, every page, gates in parallel (bounded).
/// </summary>
public static class ReportReader
{
    public static async Task<ReadinessReport> ReadAsync(DatadogClient client, GateSelection selection, DateTimeOffset from, DateTimeOffset to,
        int minEvaluations, int concurrency, IRunReporter reporter, CancellationToken ct)
    {
        var all = await client.ListGatesAsync(count => reporter.Progress($"Read {count} gates from Datadog"), ct);
        var byKey = all.GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.First());
        var keys = selection.Keys ?? [.. byKey.Keys.Where(selection.Matches).OrderBy(k => k.ToString(), StringComparer.Ordinal)];
        var gates = new ConcurrentDictionary<GateKey, GateReadiness>();
        var done = 0;
        await Parallel.ForEachAsync(keys, Parallelism.Bounded(concurrency, ct), async (key, token) =>
        {
            var gate = byKey.GetValueOrDefault(key);
            if (gate is null)
            {
                gates[key] = ReadinessCalculator.Of(key, null, [], [], minEvaluations);
                return;
            }

            var window = new EvaluationHistoryFilter { From = from, To = to, GateId = gate.Id };
            var evaluations = await client.ListGateEvaluationsAsync(window, token);
            var failedRules = await client.ListRuleEvaluationsAsync(window with { Status = ["fail"] }, token);
            gates[key] = ReadinessCalculator.Of(key, gate, evaluations, failedRules, minEvaluations);
            var n = Interlocked.Increment(ref done);
            if (n % 20 == 0) reporter.Progress($"Read the history of {n}/{keys.Count} gates");
        });
        return new ReadinessReport(from, to, minEvaluations, [.. keys.Select(k => gates[k])]);
    }
}
