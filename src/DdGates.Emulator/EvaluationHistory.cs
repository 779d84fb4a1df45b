using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace DdGates.Emulator;

/// <summary>
/// ListDeploymentGateEvaluations and ListDeploymentRuleEvaluations over every recorded evaluation: a window of at
/// most 30 days on the start time (default the last 24 hours), list filters ORed (repeated or comma-separated),
/// newest first, opaque cursors (400 when invalid), page sizes 1..100.
/// </summary>
internal sealed class EvaluationHistory(EvaluationStore store, Func<Uri> baseUrl)
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    public ApiResult Gates(IQueryCollection query) => List(query, 20, rules: false);

    public ApiResult Rules(IQueryCollection query) => List(query, 50, rules: true);

    private ApiResult List(IQueryCollection query, int defaultSize, bool rules)
    {
        var now = store.Time.GetUtcNow();
        if (!TryTime(query["filter[from]"], now - TimeSpan.FromHours(24), out var from)) return ApiResult.BadRequest("invalid filter[from]");
        if (!TryTime(query["filter[to]"], now, out var to)) return ApiResult.BadRequest("invalid filter[to]");
        if (to <= from) return ApiResult.BadRequest("filter[to] must be after filter[from]");
        if (to - from > MaxWindow) return ApiResult.BadRequest("the time window must not exceed 30 days");
        var size = defaultSize;
        if (query.ContainsKey("page[size]") && (!int.TryParse(query["page[size]"], out size) || size is < 1 or > 100)) return ApiResult.BadRequest("page[size] must be between 1 and 100");
        var offset = 0;
        if (query["page[cursor]"] is { Count: > 0 } cursor && !TryDecode(cursor.ToString(), out offset)) return ApiResult.BadRequest("invalid page[cursor]");

        var evaluations = store.All.Where(e => e.StartedAt >= from && e.StartedAt < to && GateMatches(e, query, now, rules))
            .OrderByDescending(e => e.StartedAt).ThenBy(e => e.Id).ToList();
        var rows = rules
            ? evaluations.SelectMany(e => e.Rules.Where(r => RuleMatches(e, r, query, now)).Select(r => RuleRow(e, r, now))).ToList()
            : evaluations.Select(e => GateRow(e, now)).ToList();
        var page = rows.Skip(offset).Take(size).ToList();
        var meta = new JsonObject { ["size"] = size };
        if (offset + size < rows.Count) meta["next_cursor"] = Encode(offset + size);
        return ApiResult.Ok(new JsonObject { ["data"] = new JsonArray([.. page]), ["meta"] = new JsonObject { ["page"] = meta } });
    }

    /// <summary>Filters on the gate evaluation; for rule rows its status and ids are the rule's own (see <see cref="RuleMatches"/>).</summary>
    private static bool GateMatches(RecordedEvaluation e, IQueryCollection q, DateTimeOffset now, bool rules) =>
        AnyOf(q, "service", e.Service) && AnyOf(q, "env", e.Env) && AnyOf(q, "identifier", e.Identifier) && AnyOf(q, "version", e.Version)
        && One(q, "gate_id", e.GateId?.ToString())
        && (rules
            ? One(q, "gate_evaluation_id", e.Id.ToString()) && One(q, "gate_dry_run", Bool(e.DryRun))
            : One(q, "evaluation_id", e.Id.ToString()) && One(q, "dry_run", Bool(e.DryRun)) && AnyOf(q, "status", e.RealStatus(Elapsed(e, now))));

    private static bool RuleMatches(RecordedEvaluation e, RecordedRule r, IQueryCollection q, DateTimeOffset now) =>
        AnyOf(q, "type", r.Type) && AnyOf(q, "name", r.Name) && One(q, "rule_id", r.RuleId?.ToString()) && One(q, "evaluation_id", r.Id.ToString())
        && One(q, "dry_run", Bool(r.DryRun)) && AnyOf(q, "status", r.StatusAt(Elapsed(e, now)));

    private static JsonNode GateRow(RecordedEvaluation e, DateTimeOffset now)
    {
        var elapsed = Elapsed(e, now);
        var status = e.RealStatus(elapsed);
        return Row(e.Id, "deployment_gate_evaluation", new JsonObject
        {
            ["dry_run"] = e.DryRun,
            ["duration_seconds"] = status == "in_progress" ? null : (long)e.FinishesAfterSeconds,
            ["env"] = e.Env,
            ["evaluation_id"] = e.Id.ToString(),
            ["finished_at"] = status == "in_progress" ? null : Wire.Time(e.StartedAt.AddSeconds(e.FinishesAfterSeconds)),
            ["gate_id"] = e.GateId?.ToString(),
            ["identifier"] = e.Identifier,
            ["service"] = e.Service,
            ["started_at"] = Wire.Time(e.StartedAt),
            ["status"] = status,
            ["version"] = e.Version,
        });
    }

    private JsonNode RuleRow(RecordedEvaluation e, RecordedRule r, DateTimeOffset now)
    {
        var status = r.StatusAt(Elapsed(e, now));
        var failed = status == "fail";
        var from = e.StartedAt.ToUnixTimeMilliseconds();
        var to = e.StartedAt.AddSeconds(Math.Max(r.Script.AfterSeconds, 1)).ToUnixTimeMilliseconds();
        var monitors = failed ? r.Script.Monitors ?? [] : [];
        return Row(r.Id, "deployment_gate_rule_evaluation", new JsonObject
        {
            ["configuration"] = Configuration(r.Options),
            ["dry_run"] = r.DryRun,
            ["duration_seconds"] = status == "in_progress" ? null : (long)r.Script.AfterSeconds,
            ["env"] = e.Env,
            ["evaluation_id"] = r.Id.ToString(),
            ["failures"] = new JsonObject
            {
                ["faulty_apm_resources"] = new JsonArray([.. (failed ? r.Script.FaultyResources ?? [] : []).Select(x => (JsonNode)x)]),
                ["monitors"] = new JsonArray([.. monitors.Select(m => (JsonNode)new JsonObject
                {
                    ["id"] = m.Id,
                    ["state"] = m.State,
                    ["url"] = new Uri(baseUrl(), $"/monitors/{m.Id}?from_ts={from}&to_ts={to}").AbsoluteUri,
                })]),
                ["narratives"] = new JsonArray(),
            },
            ["finished_at"] = status == "in_progress" ? null : Wire.Time(e.StartedAt.AddSeconds(r.Script.AfterSeconds)),
            ["gate_dry_run"] = e.DryRun,
            ["gate_evaluation_id"] = e.Id.ToString(),
            ["gate_id"] = e.GateId?.ToString(),
            ["identifier"] = e.Identifier,
            ["name"] = r.Name,
            ["reason"] = failed ? r.Script.Reason ?? "" : "",
            ["rule_id"] = r.RuleId?.ToString(),
            ["service"] = e.Service,
            ["started_at"] = Wire.Time(e.StartedAt),
            ["status"] = status,
            ["type"] = r.Type,
            ["version"] = e.Version,
        });
    }

    /// <summary>The options as evaluated: defaults already left out by the store, monitor ids as plain strings.</summary>
    private static JsonObject Configuration(JsonObject options)
    {
        var configuration = (JsonObject)options.DeepClone();
        if (configuration["monitor_ids"] is JsonArray ids) configuration["monitor_ids"] = new JsonArray([.. ids.Select(m => (JsonNode)m!["id"]!.GetValue<string>())]);
        return configuration;
    }

    private static JsonObject Row(Guid id, string type, JsonObject attributes) => new() { ["id"] = id.ToString(), ["type"] = type, ["attributes"] = attributes };

    private static double Elapsed(RecordedEvaluation e, DateTimeOffset now) => (now - e.StartedAt).TotalSeconds;

    private static bool AnyOf(IQueryCollection q, string name, string value)
    {
        if (!q.TryGetValue($"filter[{name}]", out var values)) return true;
        return Values(values).Contains(value);
    }

    private static bool One(IQueryCollection q, string name, string? value) =>
        !q.TryGetValue($"filter[{name}]", out var v) || string.Equals(v.ToString(), value, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Values(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Bool(bool b) => b ? "true" : "false";

    private static bool TryTime(StringValues value, DateTimeOffset fallback, out DateTimeOffset time)
    {
        time = fallback;
        return value.Count == 0 || DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"off:{offset}"));

    private static bool TryDecode(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("off:", StringComparison.Ordinal) && int.TryParse(text[4..], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
