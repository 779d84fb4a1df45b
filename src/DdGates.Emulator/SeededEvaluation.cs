using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>A finished rule evaluation to put in the history (<see cref="SeededEvaluation"/>).</summary>
public sealed record SeededRule(string Name, string Status, bool DryRun = false, string Type = "monitor", string? Reason = null,
    IReadOnlyList<ScriptedMonitor>? Monitors = null, IReadOnlyList<string>? FaultyResources = null, string? RuleId = null);

/// <summary>
/// A finished evaluation to put in the history, as if it had run at <see cref="StartedAt"/> (tests and
/// <c>POST /_emulator/history</c>). <see cref="GateId"/> null is an inline (just-in-time) evaluation.
/// </summary>
public sealed record SeededEvaluation(string Service, string Env, DateTimeOffset StartedAt, IReadOnlyList<SeededRule> Rules,
    string Identifier = "default", string? GateId = null, string Version = "", bool DryRun = false)
{
    internal RecordedEvaluation ToRecord() => new(Guid.NewGuid(), GateId is null ? null : Guid.Parse(GateId), Service, Env, Identifier, Version, DryRun,
        [.. Rules.Select(r => new RecordedRule(Guid.NewGuid(), r.RuleId is null ? null : Guid.Parse(r.RuleId), r.Name, r.Type, r.DryRun,
            r.Type == "monitor" ? new JsonObject { ["query"] = $"rule:{r.Name}" } : [],
            new RuleScript(r.Status, r.Reason, 0, r.Monitors, r.FaultyResources)))],
        StartedAt, 0);

    internal static SeededEvaluation FromJson(JsonNode node) => new(
        node["service"]!.GetValue<string>(),
        node["env"]!.GetValue<string>(),
        DateTimeOffset.Parse(node["started_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
        [.. (node["rules"] as JsonArray ?? []).Select(r => new SeededRule(
            r!["name"]!.GetValue<string>(), r["status"]?.GetValue<string>() ?? "pass", r["dry_run"]?.GetValue<bool>() ?? false,
            r["type"]?.GetValue<string>() ?? "monitor", r["reason"]?.GetValue<string>(), Monitors(r["monitors"]),
            (r["faulty_resources"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList(), r["rule_id"]?.GetValue<string>()))],
        node["identifier"]?.GetValue<string>() ?? "default",
        node["gate_id"]?.GetValue<string>(),
        node["version"]?.GetValue<string>() ?? "",
        node["dry_run"]?.GetValue<bool>() ?? false);

    internal static List<ScriptedMonitor>? Monitors(JsonNode? node) =>
        (node as JsonArray)?.Select(m => new ScriptedMonitor(m!["id"]!.GetValue<string>(), m["state"]?.GetValue<string>() ?? "Alert")).ToList();
}
