using System.Text.Json.Nodes;
using static DdGates.Tests.Support.Rules;
using DdGates.Api;
using DdGates.Evaluation;
using DdGates.Model;
using DdGates.Tests.Support;

namespace DdGates.Tests.Contract;

/// <summary>
/// Every request body the client sends and every response the emulator returns, for all 14 operations, checked
/// against the contract's schemas (docs/datadog-contract.json).
/// </summary>
public class OpenApiContractTests
{
    [Fact]
    public async Task Client_requests_and_emulator_responses_match_the_spec()
    {
        var spec = OpenApiSpec.Load();
        await using var emulator = await TestEmulator.StartAsync();
        var exchanges = new List<Exchange>();
        using (var client = TestEmulator.Client(emulator, new RecordingHandler(exchanges)))
        {
            await RunEveryOperation(client);
        }

        using (var badKeys = new DatadogClient(emulator.BaseUrl, new Credentials("", "x"), TestEmulator.FastRetries, null, new RecordingHandler(exchanges)))
        {
            await Assert.ThrowsAsync<DatadogApiException>(() => badKeys.ListGatesAsync(null, default));
        }

        var validator = new SchemaValidator(spec);
        var problems = new List<string>();
        foreach (var exchange in exchanges)
        {
            var found = spec.Find(exchange.Method, exchange.Path);
            Assert.True(found is not null, $"{exchange.Method} {exchange.Path} is not in the spec");
            var (template, operation) = found!.Value;
            var label = $"{exchange.Method} {template} -> {exchange.Status}";
            if (spec.RequestSchema(operation) is { } requestSchema)
            {
                problems.AddRange(validator.Validate(JsonNode.Parse(exchange.RequestBody!), requestSchema).Select(p => $"request {label}: {p}"));
            }

            if (!OpenApiSpec.Declares(operation, exchange.Status)) problems.Add($"{label}: status not declared by the spec");
            if (spec.ResponseSchema(operation, exchange.Status) is { } responseSchema)
            {
                problems.AddRange(validator.Validate(JsonNode.Parse(exchange.ResponseBody), responseSchema).Select(p => $"response {label}: {p}"));
            }

            if (exchange.ResponseBody.Length > 0 && exchange.ContentType != "application/vnd.api+json") problems.Add($"{label}: content type {exchange.ContentType}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var covered = exchanges.Select(e => (e.Method, spec.Find(e.Method, e.Path)!.Value.Template)).Distinct().Count();
        Assert.Equal(14, covered); // every operation of the contract
        Assert.Contains(exchanges, e => e.Status == 400);
        Assert.Contains(exchanges, e => e.Status == 403);
        Assert.Contains(exchanges, e => e.Status == 404);
    }

    private static async Task RunEveryOperation(DatadogClient client)
    {
        var key = new GateKey("web", "prod", "default");
        var gate = await client.CreateGateAsync(key, false, default);
        await Assert.ThrowsAsync<DatadogApiException>(() => client.CreateGateAsync(key, false, default));
        await client.GetGateAsync(gate.Id, default);
        await client.UpdateGateAsync(gate.Id, true, default);
        await client.ListGatesAsync(null, default);
        await client.ListGatesAsync(GateFilter.For(key), null, default);
        var monitor = await client.CreateRuleAsync(gate.Id, Monitor("m", "service:web", 300), default);
        await client.CreateRuleAsync(gate.Id, new RuleSpec("ids", false, new MonitorIdsOptions(new([new MonitorRef("123", new(["region:eu"]))]),
            new MonitorSettings(60, 30, false, true))), default);
        await client.CreateRuleAsync(gate.Id, Faulty("f", 900, ["GET /healthz"]), default);
        await client.CreateRuleAsync(gate.Id, Faulty("f-empty", excluded: []), default);
        await client.ListRulesAsync(gate.Id, default);
        await client.GetRuleAsync(gate.Id, monitor.Id, default);
        await client.UpdateRuleAsync(gate.Id, monitor.Id, Monitor("m", "service:web", 600, dryRun: true), default);
        var evaluation = await client.TriggerEvaluationAsync(WireMapping.ToRequest(new EvaluationTarget(key, "1.0.0", "region:us-east-1", null)), default);
        await client.GetEvaluationResultAsync(evaluation, default);
        var inline = new GateSpec(new GateKey("jit", "prod", "default"), true, false, [Monitor("m"), Faulty("f", 900, ["GET /x"])]);
        await client.GetEvaluationResultAsync(await client.TriggerEvaluationAsync(WireMapping.ToRequest(new EvaluationTarget(inline.Key, "1.0.0", null, inline)), default), default);
        await Assert.ThrowsAsync<DatadogApiException>(() => client.TriggerEvaluationAsync(WireMapping.ToRequest(new EvaluationTarget(new GateKey("none", "prod", "default"), null, null, null)), default));
        await Assert.ThrowsAsync<DatadogApiException>(() => client.GetEvaluationResultAsync(Guid.NewGuid().ToString(), default));
        await client.ListGateEvaluationsAsync(new EvaluationHistoryFilter { Service = ["web", "jit"], Status = ["pass", "fail", "in_progress"] }, default);
        await client.ListRuleEvaluationsAsync(new EvaluationHistoryFilter { GateEvaluationId = evaluation, Type = ["monitor"] }, default);
        await client.ListRuleEvaluationsAsync(new EvaluationHistoryFilter(), default);
        await Assert.ThrowsAsync<DatadogApiException>(() => client.ListGateEvaluationsAsync(new EvaluationHistoryFilter { From = DateTimeOffset.UtcNow.AddDays(-40) }, default));
        await client.DeleteRuleAsync(gate.Id, monitor.Id, default);
        await Assert.ThrowsAsync<DatadogApiException>(() => client.GetRuleAsync(gate.Id, monitor.Id, default));
        await client.DeleteGateAsync(gate.Id, default);
        await client.DeleteGateAsync(gate.Id, default);
    }
}
