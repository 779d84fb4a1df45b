using DdGates.Api;
using DdGates.Model;
using DdGates.Planning;

namespace DdGates.Applying;

/// <summary>
/// Reads what the server holds for the selected gates: the gate list once (paged, 1000 a page), then
/// the rules of each selected gate that exists, and nothing else: ceil(G/1000) + K reads.
/// </summary>
public static class ActualStateReader
{
    public static async Task<Dictionary<GateKey, ActualGate>> ReadAsync(
        DatadogClient client, IReadOnlyList<GateSpec> desired, int concurrency, IRunReporter reporter, CancellationToken ct)
    {
        var all = await client.ListGatesAsync(count => reporter.Progress($"Read {count} gates from Datadog"), ct);
        var byKey = new Dictionary<GateKey, ActualGate>();
        foreach (var gate in all) byKey.TryAdd(gate.Key, gate);

        var wanted = desired.Select(d => d.Key).Where(byKey.ContainsKey).Distinct().ToList();
        var withRules = new System.Collections.Concurrent.ConcurrentDictionary<GateKey, ActualGate>();
        var done = 0;
        await Parallel.ForEachAsync(wanted, Options(concurrency, ct), async (key, token) =>
        {
            var gate = byKey[key];
            withRules[key] = gate with { Rules = await client.ListRulesAsync(gate.Id, token) };
            var n = Interlocked.Increment(ref done);
            if (n % 50 == 0 || n == wanted.Count) reporter.Progress($"Read the rules of {n}/{wanted.Count} gates");
        });
        return new Dictionary<GateKey, ActualGate>(withRules);
    }

    /// <summary>Finds one gate by its natural key (the API has no filter, so this pages the list).</summary>
    public static async Task<ActualGate?> FindAsync(DatadogClient client, GateKey key, CancellationToken ct)
    {
        var gate = (await client.ListGatesAsync(null, ct)).FirstOrDefault(g => g.Key == key);
        return gate is null ? null : gate with { Rules = await client.ListRulesAsync(gate.Id, ct) };
    }

    internal static ParallelOptions Options(int concurrency, CancellationToken ct) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct };
}
