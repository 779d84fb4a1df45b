using System.Collections.Concurrent;
using System.Net;
using DdGates.Api;
using DdGates.Model;

namespace DdGates.Preflight;

/// <summary>
/// Before any write: how many monitors each monitor rule's query selects, counted as the gate counts them
/// (<c>(query) muted:false</c>), one search per distinct query across all gates, through the client every other request
/// uses (its rate limits, retries, bounds and redaction). A search Datadog refuses is "could not check", never "0"; a key
/// that may not search monitors (403) skips the preflight with one notice, and the run goes on.
/// </summary>
public static class PreflightCheck
{
    /// <summary>Rows read per search: the few names and links each rule shows.</summary>
    public const int Sample = 3;

    public const string Permission = "monitors_read";

    public static async Task<PreflightResult> RunAsync(DatadogClient client, IEnumerable<GateSpec> gates, int concurrency, Uri app, CancellationToken ct)
    {
        var rules = gates.Where(g => !g.Absent)
            .SelectMany(g => g.Rules.Where(r => r.Options is MonitorQueryOptions).Select(r => (Gate: g, Rule: r, Query: Search(((MonitorQueryOptions)r.Options).Query))))
            .ToList();
        var queries = rules.Select(r => r.Query).Distinct(StringComparer.Ordinal).ToList();
        var found = new ConcurrentDictionary<string, (MonitorMatches? Matches, string? Problem)>(StringComparer.Ordinal);
        var forbidden = 0;
        await Parallel.ForEachAsync(queries, Parallelism.Bounded(concurrency, ct), async (query, token) =>
        {
            if (Volatile.Read(ref forbidden) > 0) return;
            try
            {
                found[query] = (await client.SearchMonitorsAsync(query, Sample, token), null);
            }
            catch (DatadogApiException e) when (e.StatusCode == HttpStatusCode.Forbidden)
            {
                Interlocked.Increment(ref forbidden);
            }
            catch (DatadogApiException e)
            {
                found[query] = (null, e.StatusCode == HttpStatusCode.BadRequest && e.Errors.Count > 0
                    ? $"Datadog could not read the query: {string.Join("; ", e.Errors)}"
                    : e.Message);
            }
        });

        if (forbidden > 0)
        {
            return new PreflightResult([], found.Count + forbidden, App: app, Skipped:
                $"The preflight was skipped: the credentials may not search monitors (403). Grant the {Permission} permission to the application key's role " +
                $"(or the {Permission} scope to the OAuth token) to count each monitor rule's matches before the deploy.");
        }

        return new PreflightResult(
            [.. rules.Select(r => new RuleCheck(r.Gate.Key, r.Rule.Name, ((MonitorQueryOptions)r.Rule.Options).Query, r.Gate.DryRun || r.Rule.DryRun,
                found[r.Query].Matches, found[r.Query].Problem))],
            queries.Count, null, app);
    }

    /// <summary>What the gate counts: the rule's query, less muted monitors.</summary>
    public static string Search(string query) => $"({query.Trim()}) muted:false";
}
