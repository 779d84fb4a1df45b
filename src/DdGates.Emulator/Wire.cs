using System.Globalization;
using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>Response bodies shaped as the real service sends them (JSON:API, trimmed fractional seconds).</summary>
internal static class Wire
{
    public const string ContentType = "application/vnd.api+json";
    private static readonly JsonObject User = new() { ["id"] = "8f3ab1b6-1c55-11ee-9f27-da7ad0900002", ["handle"] = "emulator@example.com", ["name"] = "Emulator" };

    public static JsonObject Gate(GateRecord g) => new()
    {
        ["id"] = g.Id.ToString(),
        ["type"] = "deployment_gate",
        ["attributes"] = new JsonObject
        {
            ["created_at"] = Time(g.CreatedAt),
            ["created_by"] = User.DeepClone(),
            ["dry_run"] = g.DryRun,
            ["env"] = g.Env,
            ["identifier"] = g.Identifier,
            ["service"] = g.Service,
            ["updated_at"] = Time(g.UpdatedAt),
            ["updated_by"] = User.DeepClone(),
        },
    };

    public static JsonObject RuleAttributes(RuleRecord r, bool withId)
    {
        var attributes = new JsonObject
        {
            ["created_at"] = Time(r.CreatedAt),
            ["created_by"] = User.DeepClone(),
            ["dry_run"] = r.DryRun,
            ["gate_id"] = r.GateId.ToString(),
            ["name"] = r.Name,
            ["options"] = r.Options.DeepClone(),
            ["type"] = r.Type,
            ["updated_at"] = Time(r.UpdatedAt),
            ["updated_by"] = User.DeepClone(),
        };
        // WARNING: list items carry the rule id although the spec omits it (docs/datadog-api.md).
        if (withId) attributes["id"] = r.Id.ToString();
        return attributes;
    }

    public static JsonObject Rule(RuleRecord r) => new()
    {
        ["id"] = r.Id.ToString(),
        ["type"] = "deployment_rule",
        ["attributes"] = RuleAttributes(r, withId: false),
    };

    public static JsonObject Data(JsonNode data) => new() { ["data"] = data };

    public static JsonObject Error(int status, string detail) => new()
    {
        ["errors"] = new JsonArray(new JsonObject
        {
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
            ["title"] = status switch { 400 => "Bad Request", 404 => "Not Found", 500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Error" },
            ["detail"] = detail,
        }),
    };

    /// <summary>The plain form used for 401/403/429.</summary>
    public static JsonObject PlainError(string message) => new() { ["errors"] = new JsonArray(message) };

    /// <summary>RFC 3339 UTC with 0 to 6 fractional digits, trailing zeros trimmed, as the service sends.</summary>
    public static string Time(DateTimeOffset t)
    {
        var fraction = t.UtcDateTime.ToString("ffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        return t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : "") + "Z";
    }
}
