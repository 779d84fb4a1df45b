using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>A seeded monitor: what monitor search reads (name, tags, muted, overall status).</summary>
public sealed record MonitorRecord(long Id, string Name, IReadOnlyList<string> Tags, bool Muted, string Status, int? Priority = null);

/// <summary>
/// The organization's monitors, for <c>GET /api/v1/monitor/search</c>: seeded through the test controls, searched with the
/// documented subset of the Manage Monitors syntax (<see cref="MonitorQuery"/>), answered with the real bodies' quirks
/// (../../docs/datadog-api.md, "Monitor search"): a boolean facet name in <c>counts.muted</c>, <c>creator.id</c> as a
/// number, undeclared row fields, and a <c>page_count</c> that is the row count.
/// </summary>
public sealed class MonitorStore
{
    private const string Json = "application/json";
    private readonly object _lock = new();
    private readonly List<MonitorRecord> _monitors = [];
    private long _lastId = 1000;

    /// <summary>An id for a monitor seeded without one: unique across calls, as Datadog's are.</summary>
    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary>Plays a key without the monitors_read permission: every search is a 403.</summary>
    public bool Forbidden { get; set; }

    public void Add(IEnumerable<MonitorRecord> monitors)
    {
        lock (_lock) _monitors.AddRange(monitors);
    }

    public void Clear()
    {
        lock (_lock) _monitors.Clear();
        Forbidden = false;
    }

    internal ApiResult Search(string? query, string? page, string? perPage)
    {
        if (Forbidden) return new ApiResult(403, Wire.PlainError("Forbidden"), Json);
        if (!MonitorQuery.TryParse(query ?? "", out var matches, out var error)) return new ApiResult(400, Wire.PlainError($"Query parsing error: {error}"), Json);
        var size = int.TryParse(perPage, out var s) && s > 0 ? Math.Min(s, 1000) : 30;
        var number = int.TryParse(page, out var p) && p >= 0 ? p : 0;
        List<MonitorRecord> found;
        lock (_lock) found = [.. _monitors.Where(matches).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)];
        var rows = found.Skip(number * size).Take(size).ToList();
        return new ApiResult(200, new JsonObject
        {
            ["counts"] = Counts(found),
            ["monitors"] = new JsonArray([.. rows.Select(Row)]),
            ["metadata"] = new JsonObject { ["total_count"] = found.Count, ["page"] = number, ["per_page"] = size, ["page_count"] = rows.Count },
        }, Json);
    }

    private static JsonObject Counts(List<MonitorRecord> found)
    {
        JsonArray Facet(IEnumerable<(JsonNode Name, int Count)> buckets) =>
            new([.. buckets.Select(b => (JsonNode)new JsonObject { ["count"] = b.Count, ["name"] = b.Name })]);
        var counts = new JsonObject();
        if (found.Count == 0) return counts; // an empty facet is left out
        counts["status"] = Facet(found.GroupBy(m => m.Status).Select(g => ((JsonNode)JsonValue.Create(g.Key)!, g.Count())));
        counts["muted"] = Facet(found.GroupBy(m => m.Muted).Select(g => ((JsonNode)JsonValue.Create(g.Key)!, g.Count()))); // a JSON boolean, unlike the others
        var tags = found.SelectMany(m => m.Tags).GroupBy(t => t).Select(g => ((JsonNode)JsonValue.Create(g.Key)!, g.Count())).ToList();
        if (tags.Count > 0) counts["tag"] = Facet(tags);
        counts["type"] = Facet([((JsonNode)JsonValue.Create("metric")!, found.Count)]);
        return counts;
    }

    private static JsonNode Row(MonitorRecord m) => new JsonObject
    {
        ["id"] = m.Id,
        ["name"] = m.Name,
        ["status"] = m.Status,
        ["type"] = "query alert",
        ["classification"] = "metric",
        ["query"] = $"avg(last_5m):avg:trace.http.request.errors{{{string.Join(",", m.Tags)}}} > 5",
        ["tags"] = new JsonArray([.. m.Tags.Select(t => (JsonNode)JsonValue.Create(t)!)]),
        ["scopes"] = new JsonArray(),
        ["metrics"] = new JsonArray("trace.http.request.errors"),
        ["notifications"] = new JsonArray(),
        ["creator"] = new JsonObject { ["handle"] = "emulator@example.com", ["id"] = 2320499, ["name"] = "Emulator" },
        ["org_id"] = 321813,
        ["last_triggered_ts"] = null,
        ["muted_until_ts"] = m.Muted ? long.MaxValue : null,
        ["priority"] = m.Priority,
        ["overall_state_modified"] = 1638927063,
        ["restricted_roles"] = new JsonArray(),
    };
}
