using static DdGates.Tests.Support.Rules;
using DdGates.Api;
using DdGates.Emulator;
using DdGates.Evaluation;
using DdGates.Model;
using DdGates.Tests.Support;

namespace DdGates.Tests.Api;

/// <summary>The two evaluation-history lists, client and emulator together over real HTTP.</summary>
public class EvaluationHistoryTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Evaluations_that_ran_are_recorded_gate_and_rule_level_with_failing_monitors_and_links()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.Client(emulator);
        var key = new GateKey("web", "prod", "default");
        var gate = await client.CreateGateAsync(key, dryRun: true, default);
        await client.CreateRuleAsync(gate.Id, Monitor("P0"), default);
        await client.CreateRuleAsync(gate.Id, Faulty("FDD"), default);
        emulator.State.Evaluations = new EvaluationScript
        {
            Rules = new Dictionary<string, RuleScript>
            {
                ["P0"] = new("fail", "monitors in ALERT", 0, [new ScriptedMonitor("12345", "Alert"), new ScriptedMonitor("678", "No Data")]),
                ["FDD"] = new("fail", "faulty", 0, FaultyResources: ["GET /checkout"]),
            },
        };
        var id = await client.TriggerEvaluationAsync(WireMapping.ToRequest(new EvaluationTarget(key, "1.2.3", null, null)), default);

        var gates = await client.ListGateEvaluationsAsync(new EvaluationHistoryFilter { Service = ["web"] }, default);
        var rules = await client.ListRuleEvaluationsAsync(new EvaluationHistoryFilter { GateEvaluationId = id }, default);

        var row = Assert.Single(gates).Attributes;
        Assert.Equal((id, gate.Id, "fail", true, "1.2.3"), (row.EvaluationId, row.GateId, row.Status, row.DryRun, row.Version));
        Assert.Equal(["FDD", "P0"], rules.Select(r => r.Attributes.Name).Order());
        var p0 = rules.Single(r => r.Attributes.Name == "P0").Attributes;
        Assert.True(p0.GateDryRun);
        Assert.Equal(["12345", "678"], p0.Failures.Monitors.Select(m => m.Id));
        Assert.All(p0.Failures.Monitors, m => Assert.StartsWith(emulator.BaseUrl.AbsoluteUri + "monitors/" + m.Id, m.Url, StringComparison.Ordinal));
        Assert.Equal("service:web", p0.Configuration!.Query);
        Assert.Equal(["GET /checkout"], rules.Single(r => r.Attributes.Name == "FDD").Attributes.Failures.FaultyApmResources);
    }

    [Fact]
    public async Task Seeded_history_is_filtered_by_window_and_fields_and_paged_to_the_end()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var gateId = Guid.NewGuid().ToString();
        emulator.State.SeedHistory(Enumerable.Range(0, 230).Select(i =>
            new SeededEvaluation("web", i % 2 == 0 ? "prod" : "staging", Now.AddHours(-i), [new SeededRule("P0", i % 10 == 0 ? "fail" : "pass")], GateId: gateId)));
        emulator.State.SeedHistory([new SeededEvaluation("web", "prod", Now.AddDays(-40), [new SeededRule("P0", "fail")], GateId: gateId)]);
        using var client = TestEmulator.Client(emulator);

        var all = await client.ListGateEvaluationsAsync(new EvaluationHistoryFilter { From = Now.AddDays(-29), To = Now.AddMinutes(1) }, default);
        var prod = await client.ListGateEvaluationsAsync(new EvaluationHistoryFilter { From = Now.AddDays(-29), To = Now.AddMinutes(1), Env = ["prod"], GateId = gateId }, default);
        var failed = await client.ListRuleEvaluationsAsync(new EvaluationHistoryFilter { From = Now.AddDays(-29), To = Now.AddMinutes(1), Status = ["fail"] }, default);
        var lastDay = await client.ListGateEvaluationsAsync(new EvaluationHistoryFilter(), default);

        Assert.Equal(230, all.Count);
        Assert.Equal(230, all.Select(r => r.Id).Distinct().Count());
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Attributes.StartedAt >= p.Second.Attributes.StartedAt), "newest first");
        Assert.Equal(115, prod.Count);
        Assert.Equal(23, failed.Count);
        Assert.Equal(24, lastDay.Count); // the default window is the last 24 hours
        var pages = emulator.State.Log.Entries.Count(e => e.Path == "/api/v2/deployment_gates/evaluations" && e.Query.Contains("from", StringComparison.Ordinal) && !e.Query.Contains("env", StringComparison.Ordinal));
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData(31, 0, "the time window must not exceed 30 days")]
    [InlineData(1, 2, "filter[to] must be after filter[from]")]
    public async Task A_window_the_service_refuses_is_a_400_that_says_why(int fromDaysAgo, int toDaysAgo, string detail)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.Client(emulator);

        var e = await Assert.ThrowsAsync<DatadogApiException>(() =>
            client.ListRuleEvaluationsAsync(new EvaluationHistoryFilter { From = Now.AddDays(-fromDaysAgo), To = Now.AddDays(-toDaysAgo) }, default));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_on_a_history_page_waits_and_goes_on()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { RateLimitResetSeconds = 0 });
        emulator.State.SeedHistory(Enumerable.Range(0, 150).Select(i => new SeededEvaluation("web", "prod", Now.AddMinutes(-i), [new SeededRule("P0", "pass")])));
        using var client = TestEmulator.Client(emulator);
        emulator.State.ScriptFaults("GET /api/v2/deployment_gates/evaluations", "none", "429");

        var rows = await client.ListGateEvaluationsAsync(new EvaluationHistoryFilter(), default);

        Assert.Equal(150, rows.Count);
        Assert.Equal([200, 429, 200], emulator.State.Log.Entries.Select(e => e.Status));
    }
}
