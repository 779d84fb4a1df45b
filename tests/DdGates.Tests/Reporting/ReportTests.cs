using System.Text.Json;
using DdGates.Api;
using DdGates.Cli.Exit;
using DdGates.Emulator;
using DdGates.Evaluation;
using DdGates.Model;
using DdGates.Reconciling;
using DdGates.Tests.Support;

namespace DdGates.Tests.Reporting;

/// <summary>dd-gates report against an emulator seeded with evaluation history: counts, verdicts, the window, paging and 429s.</summary>
public class ReportTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private const string Gates = """
        gates:
          - service: checkout
            env: [staging, production]
            dry_run: { production: true }
            rules:
              - { name: P0, type: monitor, options: { query: "service:checkout" } }
              - { name: Canary, type: monitor, dry_run: true, options: { query: "service:checkout-canary" } }
        """;

    /// <summary>Evaluations of production, a dry-run gate: passes, failures, --min-evaluations, and the verdict and counts they give.</summary>
    public static TheoryData<int, int, int, string, int, int> Cases => new()
    {
        // passes, failures, min-evaluations, verdict, would_have_blocked, blocked
        { 12, 0, 10, "ready", 0, 0 },
        { 9, 0, 10, "not-ready", 0, 0 },
        { 12, 2, 10, "not-ready", 2, 0 },
        { 0, 0, 10, "no-data", 0, 0 },
        { 1, 0, 1, "ready", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_dry_run_gate_is_ready_only_with_enough_evaluations_and_none_that_would_have_blocked(
        int passes, int failures, int min, string verdict, int wouldHaveBlocked, int blocked)
    {
        await using var emulator = await Applied();
        var gateId = emulator.State.Store.Find("checkout", "production", "default")!.Id;
        emulator.State.SeedHistory([
            .. Enumerable.Range(0, passes).Select(i => Evaluation("production", gateId, Now.AddHours(-i - 1), dryRun: true, p0: "pass")),
            .. Enumerable.Range(0, failures).Select(i => Evaluation("production", gateId, Now.AddDays(-2).AddHours(-i), dryRun: true, p0: "fail")),
        ]);

        var run = await CliRunner.RunAsync(emulator, "report", "--service", "checkout", "--env", "production", "--min-evaluations", $"{min}", "-o", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var gate = Single(run);
        Assert.Equal(verdict, gate.GetProperty("verdict").GetString());
        Assert.Equal(passes + failures, gate.GetProperty("evaluations").GetInt32());
        Assert.Equal(wouldHaveBlocked, gate.GetProperty("would_have_blocked").GetInt32());
        Assert.Equal(blocked, gate.GetProperty("blocked").GetInt32());
    }

    [Fact]
    public async Task An_enforced_gate_counts_blocks_apart_and_a_failing_dry_run_rule_would_have_blocked()
    {
        await using var emulator = await Applied();
        var gateId = emulator.State.Store.Find("checkout", "staging", "default")!.Id;
        emulator.State.SeedHistory([
            .. Enumerable.Range(0, 10).Select(i => Evaluation("staging", gateId, Now.AddHours(-i - 1), dryRun: false, p0: "pass")),
            Evaluation("staging", gateId, Now.AddHours(-20), dryRun: false, p0: "fail", monitors: [new("111"), new("222", "No Data")]),
            Evaluation("staging", gateId, Now.AddHours(-30), dryRun: false, p0: "pass", canary: "fail", monitors: [new("333")]),
            Evaluation("staging", null, Now.AddHours(-2), dryRun: false, p0: "fail"), // inline: not this gate's
        ]);
        emulator.State.Evaluations = new EvaluationScript { Default = new RuleScript("pass", AfterSeconds: 600) };
        using (var client = TestEmulator.Client(emulator))
        {
            var running = new DdGates.Evaluation.EvaluationTarget(new DdGates.Model.GateKey("checkout", "staging", "default"), "1.0", null, null);
            await client.TriggerEvaluationAsync(DdGates.Api.WireMapping.ToRequest(running), default);
        }

        var json = await CliRunner.RunAsync(emulator, "report", "--config", CliRunner.TempFile(Gates), "--env", "staging", "-o", "json");
        var text = await CliRunner.RunAsync(emulator, "report", "--config", CliRunner.TempFile(Gates), "--env", "staging");

        var gate = Single(json);
        Assert.Equal((12, 11, 1, 1, 1), (gate.GetProperty("evaluations").GetInt32(), gate.GetProperty("passes").GetInt32(),
            gate.GetProperty("failures").GetInt32(), gate.GetProperty("blocked").GetInt32(), gate.GetProperty("would_have_blocked").GetInt32()));
        Assert.Equal("not-ready", gate.GetProperty("verdict").GetString());
        Assert.Equal(1, gate.GetProperty("in_progress").GetInt32());
        var rules = gate.GetProperty("failing_rules").EnumerateArray().ToList();
        Assert.Equal([("Canary", true), ("P0", false)], rules.Select(r => (r.GetProperty("name").GetString(), r.GetProperty("dry_run").GetBoolean())).Order());
        var last = gate.GetProperty("last_failure");
        Assert.Equal(["111", "222"], last.GetProperty("monitors").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Contains("rule \"Canary\" (dry run) failed in 1 evaluation; monitors: 333 (1x)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("last failure: ", text.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"monitor 111 \(Alert\): http://127\.0\.0\.1:\d+/monitors/111", text.Stdout);
    }

    [Fact]
    public async Task History_over_many_pages_is_read_to_the_end_through_429s()
    {
        await using var emulator = await Applied();
        var gateId = emulator.State.Store.Find("checkout", "production", "default")!.Id;
        emulator.State.SeedHistory(Enumerable.Range(0, 250).Select(i => Evaluation("production", gateId, Now.AddMinutes(-i - 1), dryRun: true, p0: "pass")));
        emulator.State.ScriptFaults("GET /api/v2/deployment_gates/evaluations", "none", "429", "none");

        var run = await CliRunner.RunAsync(emulator, "report", "--service", "checkout", "--env", "production", "-o", "json", "--fail-unless-ready");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(250, Single(run).GetProperty("evaluations").GetInt32());
        Assert.Equal(3 + 1, emulator.State.Log.Entries.Count(e => e.Path.EndsWith("/evaluations", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Empty_history_is_no_data_and_fail_unless_ready_exits_1()
    {
        await using var emulator = await Applied();

        var run = await CliRunner.RunAsync(emulator, "report", "--config", CliRunner.TempFile(Gates), "--fail-unless-ready");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("no-data: checkout/production/default (dry run): no finished evaluation in the window", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("not ready (--fail-unless-ready fails the step): checkout/staging/default, checkout/production/default", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31")]
    [InlineData("0")]
    [InlineData("two")]
    public async Task A_window_past_30_days_is_invalid_input_and_nothing_is_sent(string days)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "report", "--service", "checkout", "--days", days);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"--days: must be a whole number from 1 to 30, found \"{days}\"", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    [Fact]
    public async Task The_30_day_window_is_accepted_and_older_history_is_left_out()
    {
        await using var emulator = await Applied();
        var gateId = emulator.State.Store.Find("checkout", "production", "default")!.Id;
        emulator.State.SeedHistory([
            Evaluation("production", gateId, Now.AddDays(-29), dryRun: true, p0: "pass"),
            Evaluation("production", gateId, Now.AddDays(-31), dryRun: true, p0: "fail"),
        ]);

        var run = await CliRunner.RunAsync(emulator, "report", "--service", "checkout", "--env", "production", "--days", "30", "-o", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal((1, 0), (Single(run).GetProperty("evaluations").GetInt32(), Single(run).GetProperty("would_have_blocked").GetInt32()));
    }

    private static async Task<EmulatorHost> Applied()
    {
        var emulator = await TestEmulator.StartAsync();
        var applied = await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Gates));
        Assert.True(applied.ExitCode == ExitCodes.Ok, applied.ToString());
        emulator.State.Log.Clear();
        return emulator;
    }

    private static SeededEvaluation Evaluation(string env, string? gateId, DateTimeOffset at, bool dryRun, string p0, string canary = "pass",
        IReadOnlyList<ScriptedMonitor>? monitors = null) =>
        new("checkout", env, at, [
            new SeededRule("P0", p0, Monitors: p0 == "fail" ? monitors ?? [new("123")] : null),
            new SeededRule("Canary", canary, DryRun: true, Monitors: canary == "fail" ? monitors ?? [new("123")] : null),
        ], GateId: gateId, DryRun: dryRun);

    private static JsonElement Single(CliRun run)
    {
        using var doc = JsonDocument.Parse(run.Stdout);
        return Assert.Single(doc.RootElement.GetProperty("gates").EnumerateArray().ToList()).Clone();
    }
}
