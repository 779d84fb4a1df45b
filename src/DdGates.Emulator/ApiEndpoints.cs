using System.Text.Json;
using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>The 14 operations under /api/v2, with the request checks the service makes.</summary>
internal static class ApiEndpoints
{
    private const string Gates = "/api/v2/deployment_gates";

    public static void Map(WebApplication app, EmulatorState state, Func<Uri> baseUrl)
    {
        var store = state.Store;
        var evaluations = state.EvaluationRecords;
        var history = new EvaluationHistory(evaluations, baseUrl);
        // WARNING: these literal routes share their prefix with /deployment_gates/{id} and /{gate_id}/rules; routing
        // must prefer them (ASP.NET Core's does: literal segments win over parameters), and a test calls both.
        // A server older than the lists routes them to "get gate" and "list a gate's rules" with an id that is no UUID.
        app.MapMethods(Gates + "/evaluations", ["GET"], ctx => (state.Options.WithoutHistory
            ? ApiResult.BadRequest("attribute \"id\" Invalid id") : history.Gates(ctx.Request.Query)).WriteAsync(ctx));
        app.MapMethods(Gates + "/evaluations/rules", ["GET"], ctx => (state.Options.WithoutHistory
            ? ApiResult.BadRequest("attribute \"gate_id\" Invalid id") : history.Rules(ctx.Request.Query)).WriteAsync(ctx));
        app.MapMethods("/api/v2/deployments/gates/evaluation", ["POST"], ctx => WithBody(ctx, "deployment_gates_evaluation_request", false, evaluations.Trigger));
        app.MapMethods("/api/v2/deployments/gates/evaluation/{id}", ["GET"], ctx => WithId(ctx, "id", id => evaluations.Result(id, baseUrl())));
        app.MapMethods(Gates, ["GET"], ctx => store.ListGates(ctx.Request.Query["page[cursor]"], ctx.Request.Query["page[size]"], GateFilters(ctx, state)).WriteAsync(ctx));
        app.MapMethods(Gates, ["POST"], ctx => WithBody(ctx, "deployment_gate", false, body => store.CreateGate(body)));
        app.MapMethods(Gates + "/{id}", ["GET"], ctx => WithId(ctx, "id", id => store.GetGate(id)));
        app.MapMethods(Gates + "/{id}", ["PUT"], ctx => WithId(ctx, "id", id => WithBody(ctx, "deployment_gate", true, body => store.UpdateGate(id, body))));
        app.MapMethods(Gates + "/{id}", ["DELETE"], ctx => WithId(ctx, "id", id => store.DeleteGate(id)));
        app.MapMethods(Gates + "/{gate_id}/rules", ["GET"], ctx => WithId(ctx, "gate_id", id => store.ListRules(id)));
        app.MapMethods(Gates + "/{gate_id}/rules", ["POST"], ctx => WithId(ctx, "gate_id", id => WithBody(ctx, "deployment_rule", false, body => store.CreateRule(id, body))));
        app.MapMethods(Gates + "/{gate_id}/rules/{id}", ["GET"], ctx => WithIds(ctx, (g, r) => store.GetRule(g, r)));
        app.MapMethods(Gates + "/{gate_id}/rules/{id}", ["PUT"], ctx => WithIds(ctx, (g, r) => WithBody(ctx, "deployment_rule", false, body => store.UpdateRule(g, r, body))));
        app.MapMethods(Gates + "/{gate_id}/rules/{id}", ["DELETE"], ctx => WithIds(ctx, (g, r) => store.DeleteRule(g, r)));
        app.MapMethods("/api/v1/monitor/search", ["GET"], ctx =>
            state.Monitors.Search(ctx.Request.Query["query"], ctx.Request.Query["page"], ctx.Request.Query["per_page"]).WriteAsync(ctx));
    }

    /// <summary>filter[service|env|identifier|dry_run]; none when the emulator plays an older server that ignores them.</summary>
    private static Dictionary<string, string>? GateFilters(HttpContext ctx, EmulatorState state)
    {
        if (state.Options.IgnoreListFilters) return null;
        string[] names = ["service", "env", "identifier", "dry_run"];
        return names.Where(n => ctx.Request.Query.ContainsKey($"filter[{n}]")).ToDictionary(n => n, n => ctx.Request.Query[$"filter[{n}]"].ToString());
    }

    private static Task WithId(HttpContext ctx, string name, Func<Guid, ApiResult> handle) =>
        Guid.TryParse(ctx.Request.RouteValues[name] as string, out var id)
            ? handle(id).WriteAsync(ctx)
            : ApiResult.BadRequest($"attribute \"{name}\" Invalid id").WriteAsync(ctx);

    private static Task WithId(HttpContext ctx, string name, Func<Guid, Task> handle) =>
        Guid.TryParse(ctx.Request.RouteValues[name] as string, out var id)
            ? handle(id)
            : ApiResult.BadRequest($"attribute \"{name}\" Invalid id").WriteAsync(ctx);

    private static Task WithIds(HttpContext ctx, Func<Guid, Guid, ApiResult> handle) =>
        WithId(ctx, "gate_id", gate => WithId(ctx, "id", rule => handle(gate, rule).WriteAsync(ctx)));

    private static Task WithIds(HttpContext ctx, Func<Guid, Guid, Task> handle) =>
        WithId(ctx, "gate_id", gate => WithId(ctx, "id", rule => handle(gate, rule)));

    /// <summary>Reads a JSON:API body and hands its attributes on, or answers 400 as the service does.</summary>
    private static async Task WithBody(HttpContext ctx, string type, bool idRequired, Func<JsonObject, ApiResult> handle)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(ctx.Request.Body);
        }
        catch (JsonException)
        {
            await ApiResult.BadRequest("Invalid JSON body").WriteAsync(ctx);
            return;
        }

        var problem = body?["data"] switch
        {
            not JsonObject => "attribute \"data\" is required",
            JsonObject d when d["type"]?.GetValueKind() != JsonValueKind.String || d["type"]!.GetValue<string>() != type => $"attribute \"type\" must be \"{type}\"",
            JsonObject d when idRequired && d["id"] is null => "attribute \"id\" is required",
            JsonObject d when d["attributes"] is not JsonObject => "attribute \"attributes\" is required",
            _ => null,
        };
        var result = problem is null ? Safe(() => handle((JsonObject)body!["data"]!["attributes"]!)) : ApiResult.BadRequest(problem);
        await result.WriteAsync(ctx);
    }

    /// <summary>A wrongly typed field (a string where a boolean goes) is a 400, not a crash.</summary>
    private static ApiResult Safe(Func<ApiResult> handle)
    {
        try
        {
            return handle();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return ApiResult.BadRequest($"invalid attribute type: {e.Message}");
        }
    }
}
