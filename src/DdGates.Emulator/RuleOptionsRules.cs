using System.Text.Json;
using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>
/// Server-side checks of rule options: a oneOf told apart by shape, unknown properties rejected,
/// durations 0..7200, resource lists mutually exclusive. Empty lists are dropped, as the service
/// echoes <c>{"excluded_resources": []}</c> back as <c>{}</c>, and so are monitor fields equal to their defaults.
/// </summary>
internal static class RuleOptionsRules
{
    public static readonly string[] Types = ["monitor", "faulty_deployment_detection"];
    private static readonly string[] MonitorQuery = ["query", "duration", "warmup", "fail_on_no_data", "fail_on_no_groups_found"];
    private static readonly string[] MonitorIds = ["monitor_ids", "duration", "warmup", "fail_on_no_data", "fail_on_no_groups_found"];
    private static readonly string[] Faulty = ["duration", "excluded_resources", "allowed_resources"];
    private static readonly (string Field, string Json)[] MonitorDefaults = [("fail_on_no_data", "true"), ("fail_on_no_groups_found", "false"), ("warmup", "0")];

    /// <summary>Null when valid (and <paramref name="options"/> normalized), else the 400 detail.</summary>
    public static string? Check(string type, JsonObject options)
    {
        var allowed = type == "faulty_deployment_detection" ? Faulty : options.ContainsKey("monitor_ids") ? MonitorIds : MonitorQuery;
        foreach (var (key, _) in options)
        {
            if (!allowed.Contains(key)) return $"attribute \"options\" has an invalid property \"{key}\" for a {type} rule";
        }

        if (type == "monitor" && !options.ContainsKey("monitor_ids") && !IsString(options["query"])) return "attribute \"options.query\" is required";
        if (options["monitor_ids"] is { } ids && (ids is not JsonArray { Count: > 0 } list || list.Any(m => !IsMonitorId(m))))
        {
            return "attribute \"options.monitor_ids\" must be a non-empty list of {id, groups}";
        }

        foreach (var field in new[] { "duration", "warmup" })
        {
            if (options[field] is { } n && (n.GetValueKind() != JsonValueKind.Number || n.GetValue<long>() is < 0 or > 7200))
            {
                return $"attribute \"options.{field}\" must be an integer between 0 and 7200";
            }
        }

        foreach (var field in new[] { "excluded_resources", "allowed_resources" })
        {
            if (options[field] is JsonArray { Count: 0 }) options.Remove(field);
        }

        // The service leaves monitor fields out of what it echoes when they hold their defaults.
        foreach (var (field, value) in MonitorDefaults)
        {
            if (type == "monitor" && options[field] is JsonValue v && v.ToJsonString() == value) options.Remove(field);
        }

        return options.ContainsKey("excluded_resources") && options.ContainsKey("allowed_resources")
            ? "attributes \"options.excluded_resources\" and \"options.allowed_resources\" are mutually exclusive"
            : null;
    }

    private static bool IsString(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Length > 0;

    private static bool IsMonitorId(JsonNode? node) =>
        node is JsonObject m && IsString(m["id"]) && m["groups"] is JsonArray && m.All(p => p.Key is "id" or "groups");
}
