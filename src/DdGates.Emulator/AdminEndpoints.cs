using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>
/// Test controls under /_emulator (no auth, no faults, not logged): the request log, reset, fault
/// settings, seeding many gates, and a snapshot of the state.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapMethods("/_emulator/requests", ["GET"], ctx => Json(ctx, new JsonArray([.. state.Log.Entries.Select(e => (JsonNode)new JsonObject
        {
            ["seq"] = e.Sequence, ["at"] = e.At.ToUnixTimeMilliseconds(), ["method"] = e.Method, ["path"] = e.Path, ["query"] = e.Query, ["status"] = e.Status, ["fault"] = e.Fault, ["content_length"] = e.ContentLength, ["chunked"] = e.Chunked,
        })])));
        app.MapMethods("/_emulator/requests", ["DELETE"], ctx =>
        {
            state.Log.Clear();
            return Json(ctx, new JsonObject { ["cleared"] = true });
        });
        app.MapMethods("/_emulator/reset", ["POST"], ctx =>
        {
            state.Reset();
            return Json(ctx, new JsonObject { ["reset"] = true });
        });
        app.MapMethods("/_emulator/faults", ["POST"], async ctx =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? [];
            var o = state.Options;
            state.Options = o with
            {
                FaultRate = body["fault_rate"]?.GetValue<double>() ?? o.FaultRate,
                Seed = body["seed"]?.GetValue<int>() ?? o.Seed,
                LatencyMs = body["latency_ms"]?.GetValue<int>() ?? o.LatencyMs,
                RateLimitResetSeconds = body["rate_limit_reset"]?.GetValue<int>() ?? o.RateLimitResetSeconds,
                FaultKinds = body["fault_kinds"] is JsonArray kinds ? [.. kinds.Select(k => k!.GetValue<string>())] : o.FaultKinds,
                IgnoreListFilters = body["ignore_filters"]?.GetValue<bool>() ?? o.IgnoreListFilters,
                WithoutHistory = body["without_history"]?.GetValue<bool>() ?? o.WithoutHistory,
            };
            if (body["script"] is JsonObject script)
            {
                foreach (var (route, faults) in script) state.ScriptFaults(route, [.. faults!.AsArray().Select(k => k!.GetValue<string>())]);
            }
            await Json(ctx, new JsonObject { ["fault_rate"] = state.Options.FaultRate, ["seed"] = state.Options.Seed });
        });
        app.MapMethods("/_emulator/evaluations", ["POST"], async ctx =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? [];
            static RuleScript Rule(JsonNode? n) => new(n?["status"]?.GetValue<string>() ?? "pass", n?["reason"]?.GetValue<string>(), n?["after_seconds"]?.GetValue<double>() ?? 0,
                SeededEvaluation.Monitors(n?["monitors"]), (n?["faulty_resources"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList());
            state.Evaluations = new EvaluationScript
            {
                Rules = (body["rules"] as JsonObject ?? []).ToDictionary(p => p.Key, p => Rule(p.Value)),
                Default = Rule(body["default"]),
                NotFoundForSeconds = body["not_found_for_seconds"]?.GetValue<double>() ?? 0,
                NewGateUnknownForSeconds = body["new_gate_unknown_for_seconds"]?.GetValue<double>() ?? 0,
            };
            await Json(ctx, new JsonObject { ["rules"] = state.Evaluations.Rules.Count });
        });
        app.MapMethods("/_emulator/history", ["POST"], async ctx =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? [];
            var seeded = (body["evaluations"] as JsonArray ?? []).Select(e => SeededEvaluation.FromJson(e!)).ToList();
            state.SeedHistory(seeded);
            await Json(ctx, new JsonObject { ["evaluations"] = seeded.Count });
        });
        app.MapMethods("/_emulator/seed", ["POST"], async ctx =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? [];
            if (body["services"] is JsonArray services)
            {
                state.Store.SeedFleet([.. services.Select(s => s!.GetValue<string>())], [.. (body["envs"] as JsonArray ?? []).Select(e => e!.GetValue<string>())],
                    body["identifier"]?.GetValue<string>(), (body["dry_run"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<bool>()),
                    body["rules"] as JsonArray ?? []);
            }
            else state.Store.Seed(body["count"]?.GetValue<int>() ?? 0, body["service_prefix"]?.GetValue<string>() ?? "seeded");
            await Json(ctx, new JsonObject { ["gates"] = state.Store.GateCount });
        });
        app.MapMethods("/_emulator/monitors", ["POST"], async ctx =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? [];
            state.Monitors.Add((body["monitors"] as JsonArray ?? []).Select(m => new MonitorRecord(
                m!["id"]?.GetValue<long>() ?? state.Monitors.NextId(), m["name"]?.GetValue<string>() ?? "monitor",
                [.. (m["tags"] as JsonArray ?? []).Select(t => t!.GetValue<string>())], m["muted"]?.GetValue<bool>() ?? false,
                m["status"]?.GetValue<string>() ?? "OK", m["priority"]?.GetValue<int>())).ToList());
            if (body["forbidden"]?.GetValue<bool>() is { } forbidden) state.Monitors.Forbidden = forbidden;
            await Json(ctx, new JsonObject { ["added"] = (body["monitors"] as JsonArray)?.Count ?? 0 });
        });
        app.MapMethods("/_emulator/state", ["GET"], ctx => Json(ctx, new JsonArray([.. state.Store.Snapshot().Select(g => (JsonNode)new JsonObject
        {
            ["id"] = g.Id, ["service"] = g.Service, ["env"] = g.Env, ["identifier"] = g.Identifier, ["dry_run"] = g.DryRun,
            ["rules"] = new JsonArray([.. g.Rules.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id, ["name"] = r.Name, ["type"] = r.Type, ["dry_run"] = r.DryRun, ["options"] = JsonNode.Parse(r.OptionsJson),
            })]),
        })])));
    }

    private static Task Json(HttpContext ctx, JsonNode body)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString());
    }
}
