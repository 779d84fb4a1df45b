using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>
/// The two evaluation operations. An evaluation's rules reach their scripted status at their scripted
/// time; the gate fails as soon as one non-dry-run rule fails (others may still run), passes when
/// every non-dry-run rule passed, and a dry-run gate always passes (CONTRACT-NOTES.md).
/// </summary>
internal sealed class EvaluationStore(GateStore gates, Func<EvaluationScript> script, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Evaluation> _evaluations = new();

    private sealed record Evaluation(Guid Id, Guid GateId, bool DryRun, IReadOnlyList<(string Name, bool DryRun, RuleScript Script)> Rules,
        DateTimeOffset TriggeredAt, double NotFoundForSeconds);

    public ApiResult Trigger(JsonObject attributes)
    {
        if (attributes["env"] is not JsonValue env || env.GetValue<string>().Length == 0) return ApiResult.BadRequest("required env field is missing");
        if (attributes["service"] is not JsonValue service || service.GetValue<string>().Length == 0) return ApiResult.BadRequest("required service field is missing");
        var identifier = attributes["identifier"]?.GetValue<string>() is { Length: > 0 } id ? id : "default";
        var current = script();
        Evaluation evaluation;
        if (attributes["configuration"] is JsonObject configuration)
        {
            if (configuration["rules"] is not JsonArray { Count: > 0 } rules) return ApiResult.BadRequest("configuration.rules must hold at least one rule");
            evaluation = new Evaluation(Guid.NewGuid(), Guid.NewGuid(), configuration["dry_run"]?.GetValue<bool>() ?? false,
                [.. rules.Select(r => (r!["name"]!.GetValue<string>(), r["dry_run"]?.GetValue<bool>() ?? false, current.For(r["name"]!.GetValue<string>())))],
                time.GetUtcNow(), current.NotFoundForSeconds);
        }
        else
        {
            var stored = gates.Find(service.GetValue<string>(), env.GetValue<string>(), identifier);
            if (stored is null)
            {
                return ApiResult.NotFound($"no gate found for service {service.GetValue<string>()}, env {env.GetValue<string>()}, and identifier {identifier}");
            }

            evaluation = new Evaluation(Guid.NewGuid(), Guid.Parse(stored.Id), stored.DryRun,
                [.. stored.Rules.Select(r => (r.Name, r.DryRun, current.For(r.Name)))], time.GetUtcNow(), current.NotFoundForSeconds);
        }

        _evaluations[evaluation.Id] = evaluation;
        return new ApiResult(202, Wire.Data(new JsonObject
        {
            ["id"] = evaluation.Id.ToString(),
            ["type"] = "deployment_gates_evaluation_response",
            ["attributes"] = new JsonObject { ["evaluation_id"] = evaluation.Id.ToString() },
        }));
    }

    public ApiResult Result(Guid id, Uri baseUrl)
    {
        var elapsed = _evaluations.TryGetValue(id, out var e) ? (time.GetUtcNow() - e.TriggeredAt).TotalSeconds : 0;
        if (e is null || elapsed < e.NotFoundForSeconds) return ApiResult.NotFound($"gate evaluation with id {id} not found");

        var rules = e.Rules.Select(r => (r.Name, r.DryRun, Status: elapsed >= r.Script.AfterSeconds ? r.Script.Status : "in_progress", r.Script.Reason)).ToList();
        var counted = rules.Where(r => !r.DryRun).ToList();
        var status = counted.Any(r => r.Status == "fail") ? "fail"
            : rules.All(r => r.Status != "in_progress") ? "pass"
            : "in_progress";
        if (e.DryRun && status == "fail") status = rules.All(r => r.Status != "in_progress") ? "pass" : "in_progress";
        return ApiResult.Ok(Wire.Data(new JsonObject
        {
            ["id"] = e.Id.ToString(),
            ["type"] = "deployment_gates_evaluation_result_response",
            ["attributes"] = new JsonObject
            {
                ["dry_run"] = e.DryRun,
                ["evaluation_id"] = e.Id.ToString(),
                ["evaluation_url"] = new Uri(baseUrl, $"/ci/deployment-gates/evaluations/{e.Id}").AbsoluteUri,
                ["gate_id"] = e.GateId.ToString(),
                ["gate_status"] = status,
                ["rules"] = new JsonArray([.. rules.Select(r =>
                {
                    var rule = new JsonObject { ["name"] = r.Name, ["status"] = r.Status, ["dry_run"] = r.DryRun };
                    if (r.Status == "fail" && r.Reason is not null) rule["reason"] = r.Reason;
                    return (JsonNode)rule;
                })]),
            },
        }));
    }
}
