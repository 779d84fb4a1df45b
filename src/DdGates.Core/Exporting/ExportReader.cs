using System.Collections.Concurrent;
using DdGates.Api;
using DdGates.Model;

namespace DdGates.Exporting;

/// <summary>Reads the gates to export: one listing of the organization's gates, then the rules of each selected gate, in parallel (bounded).</summary>
public static class ExportReader
{
    public static async Task<List<ActualGate>> ReadAsync(DatadogClient client, Func<GateKey, bool> selected, int concurrency, IRunReporter reporter, CancellationToken ct)
    {
        var gates = (await client.ListGatesAsync(count => reporter.Progress($"Read {count} gates from Datadog"), ct))
            .Where(g => selected(g.Key)).DistinctBy(g => g.Id).ToList();
        var withRules = new ConcurrentDictionary<string, ActualGate>();
        var done = 0;
        await Parallel.ForEachAsync(gates, Parallelism.Bounded(concurrency, ct), async (gate, token) =>
        {
            withRules[gate.Id] = gate with { Rules = await client.ListRulesAsync(gate.Id, token) };
            var n = Interlocked.Increment(ref done);
            if (n % 100 == 0 || n == gates.Count) reporter.Progress($"Read the rules of {n}/{gates.Count} gates");
        });
        return [.. gates.Select(g => withRules[g.Id])];
    }
}
