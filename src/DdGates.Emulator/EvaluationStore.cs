using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>
/// The two evaluation operations, and the record of every evaluation for the history lists. An evaluation's
/// rules reach their scripted status at their scripted time; the gate fails as soon as one non-dry-run rule
/// fails (others may still run), passes when every non-dry-run rule passed, and a dry-run gate always passes.
/// </summary>
internal sealed class EvaluationStore(GateStore gates, Func<EvaluationScript> script, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, RecordedEvaluation> _evaluations = new();

    public TimeProvider Time => time;

    public IReadOnlyList<RecordedEvaluation> All => [.. _evaluations.Values];

    public void Record(RecordedEvaluation evaluation) => _evaluations[evaluation.Id] = evaluation;

    public void Clear() => _evaluations.Clear();

    public ApiResult Trigger(JsonObject attributes)
    {
        if (attributes["env"] is not JsonValue env || env.GetValue<string>().Length == 0) return ApiResult.BadRequest("required env field is missing");
        if (attributes["service"] is not JsonValue service || service.GetValue<string>().Length == 0) return ApiResult.BadRequest("required service field is missing");
        var identifier = attributes["identifier"]?.GetValue<string>() is { Length: > 0 } id ? id : "default";
        var version = attributes["version"]?.GetValue<string>() ?? "";
        var current = script();
        var now = time.GetUtcNow();
        RecordedEvaluation evaluation;
        if (attributes["configuration"] is JsonObject configuration)
        {
            if (configuration["rules"] is not JsonArray { Count: > 0 } rules) return ApiResult.BadRequest("configuration.rules must hold at least one rule");
            evaluation = new RecordedEvaluation(Guid.NewGuid(), null, service.GetValue<string>(), env.GetValue<string>(), identifier, version,
                configuration["dry_run"]?.GetValue<bool>() ?? false,
                [.. rules.Select(r => Rule(null, r!["name"]!.GetValue<string>(), r["type"]?.GetValue<string>() ?? "monitor",
                    r["dry_run"]?.GetValue<bool>() ?? false, r["options"] as JsonObject, current))],
                now, current.NotFoundForSeconds);
        }
        else
        {
            var stored = gates.Find(service.GetValue<string>(), env.GetValue<string>(), identifier);
            if (stored is null || (now - stored.CreatedAt).TotalSeconds < current.NewGateUnknownForSeconds)
            {
                return ApiResult.NotFound($"no gate found for service {service.GetValue<string>()}, env {env.GetValue<string>()}, and identifier {identifier}");
            }

            evaluation = new RecordedEvaluation(Guid.NewGuid(), Guid.Parse(stored.Id), stored.Service, stored.Env, stored.Identifier, version, stored.DryRun,
                [.. stored.Rules.Select(r => Rule(Guid.Parse(r.Id), r.Name, r.Type, r.DryRun, JsonNode.Parse(r.OptionsJson) as JsonObject, current))],
                now, current.NotFoundForSeconds);
        }

        Record(evaluation);
        return new ApiResult(202, Wire.Data(new JsonObject
        {
            ["id"] = evaluation.Id.ToString(),
            ["type"] = "deployment_gates_evaluation_response",
            ["attributes"] = new JsonObject { ["evaluation_id"] = evaluation.Id.ToString() },
        }));
    }

    public ApiResult Result(Guid id, Uri baseUrl)
    {
        var elapsed = _evaluations.TryGetValue(id, out var e) ? (time.GetUtcNow() - e.StartedAt).TotalSeconds : 0;
        if (e is null || elapsed < e.NotFoundForSeconds) return ApiResult.NotFound($"gate evaluation with id {id} not found");

        var status = e.RealStatus(elapsed);
        if (e.DryRun && status == "fail") status = e.Rules.All(r => r.StatusAt(elapsed) != "in_progress") ? "pass" : "in_progress";
        return ApiResult.Ok(Wire.Data(new JsonObject
        {
            ["id"] = e.Id.ToString(),
            ["type"] = "deployment_gates_evaluation_result_response",
            ["attributes"] = new JsonObject
            {
                ["dry_run"] = e.DryRun,
                ["evaluation_id"] = e.Id.ToString(),
                ["evaluation_url"] = new Uri(baseUrl, $"/ci/deployment-gates/evaluations/{e.Id}").AbsoluteUri,
                ["gate_id"] = (e.GateId ?? Guid.Empty).ToString(),
                ["gate_status"] = status,
                ["rules"] = new JsonArray([.. e.Rules.Select(r =>
                {
                    var ruleStatus = r.StatusAt(elapsed);
                    var rule = new JsonObject { ["name"] = r.Name, ["status"] = ruleStatus, ["dry_run"] = r.DryRun };
                    if (ruleStatus == "fail" && r.Script.Reason is not null) rule["reason"] = r.Script.Reason;
                    return (JsonNode)rule;
                })]),
            },
        }));
    }

    private static RecordedRule Rule(Guid? ruleId, string name, string type, bool dryRun, JsonObject? options, EvaluationScript current) =>
        new(Guid.NewGuid(), ruleId, name, type, dryRun, (JsonObject?)options?.DeepClone() ?? [], current.For(name));
}
