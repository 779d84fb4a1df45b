using DdGates.Api;
using DdGates.Model;

namespace DdGates.Reconciling;

/// <summary>
/// Reads what the server holds for the selected gates and nothing else. A few gates (the common pipeline: one
/// service, one env) are looked up one by one with list filters: 2 requests a gate, whatever the org's size. A
/// larger selection reads the whole gate list once (1,000 a page), then the rules of each selected gate that
/// exists: ceil(G/1000) + K requests for K gates in an org of G.
/// </summary>
public static class ActualStateReader
{
    /// <summary>
    /// Up to this many selected gates, filtered lookups win: 16 of them run in two rounds at the default
    /// concurrency of 8, while the full listing of an org costs one sequential request per 1,000 gates (6 for
    /// 5,500). Past it, a filtered lookup per gate would cost more requests than the listing of most orgs.
    /// </summary>
    public const int FilteredLookupLimit = 16;

    /// <param name="pruneScope">With prune on and a scope: every gate inside it is read too (always by the full listing).</param>
    public static async Task<Dictionary<GateKey, ActualGate>> ReadAsync(
        DatadogClient client, IReadOnlyList<GateSpec> desired, GateScope? pruneScope, int concurrency, IRunReporter reporter, CancellationToken ct)
    {
        var keys = desired.Select(d => d.Key).Distinct().ToList();
        var found = new System.Collections.Concurrent.ConcurrentDictionary<GateKey, ActualGate>();
        if (keys.Count <= FilteredLookupLimit && pruneScope is null)
        {
            await Parallel.ForEachAsync(keys, Parallelism.Bounded(concurrency, ct), async (key, token) =>
            {
                if (await client.FindGateAsync(key, token) is { } gate) found[key] = gate;
            });
            return new Dictionary<GateKey, ActualGate>(found);
        }

        var all = await client.ListGatesAsync(count => reporter.Progress($"Read {count} gates from Datadog"), ct);
        var byKey = new Dictionary<GateKey, ActualGate>();
        foreach (var gate in all) byKey.TryAdd(gate.Key, gate);

        var wanted = keys.Where(byKey.ContainsKey).Union(byKey.Keys.Where(k => pruneScope?.Contains(k) == true)).ToList();
        var done = 0;
        await Parallel.ForEachAsync(wanted, Parallelism.Bounded(concurrency, ct), async (key, token) =>
        {
            var gate = byKey[key];
            found[key] = gate with { Rules = await client.ListRulesAsync(gate.Id, token) };
            var n = Interlocked.Increment(ref done);
            if (n % 50 == 0 || n == wanted.Count) reporter.Progress($"Read the rules of {n}/{wanted.Count} gates");
        });
        return new Dictionary<GateKey, ActualGate>(found);
    }
}
