using System.Text.Json;
using DdGates.Cli.Exit;
using DdGates.Emulator;
using DdGates.Tests.Support;

namespace DdGates.Tests.Evaluation;

/// <summary>dd-gates evaluate against the emulator's scripted evaluations: every outcome class and its exit code.</summary>
public class EvaluateTests
{
    private const string Gates = """
        gates:
          - service: checkout
            env: production
            rules:
              - { name: P0 monitors, type: monitor, options: { query: "service:checkout" } }
              - { name: Canary monitors, type: monitor, dry_run: true, options: { query: "service:checkout-canary" } }
        """;

    private static async Task<EmulatorHost> WithGateAsync(EvaluationScript script, bool gateDryRun = false)
    {
        var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(gateDryRun ? Gates.Replace("env: production", "env: production\n    dry_run: true", StringComparison.Ordinal) : Gates);
        var applied = await CliRunner.RunAsync(emulator, "apply", "--config", file);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        emulator.State.Evaluations = script;
        return emulator;
    }

    private static Task<CliRun> Evaluate(EmulatorHost emulator, params string[] extra) =>
        CliRunner.RunAsync(emulator, ["evaluate", "--service", "checkout", "--env", "production", "--version", "1.2.3", .. extra]);

    [Fact]
    public async Task Pass_exits_0_and_lists_each_rule()
    {
        await using var emulator = await WithGateAsync(new EvaluationScript { Default = new RuleScript("pass", AfterSeconds: 0.2) });

        var run = await Evaluate(emulator);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.StartsWith("PASS: checkout/production/default may deploy.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("pass        Canary monitors (dry run)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Evaluation: http://127.0.0.1:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("In progress: 0/2 rules done", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_exits_4_with_the_reason()
    {
        await using var emulator = await WithGateAsync(new EvaluationScript
        {
            Rules = new Dictionary<string, RuleScript> { ["P0 monitors"] = new("fail", "monitor 123 is in ALERT") },
        });

        var run = await Evaluate(emulator);

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        Assert.StartsWith("FAIL: checkout/production/default says do not deploy.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("fail        P0 monitors: monitor 123 is in ALERT", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_rule_names_its_failing_monitors_with_their_links_and_a_dry_run_rule_its_faulty_resources()
    {
        await using var emulator = await WithGateAsync(new EvaluationScript
        {
            Rules = new Dictionary<string, RuleScript>
            {
                ["P0 monitors"] = new("fail", "2 monitors in ALERT", Monitors: [new("123"), new("456", "No Data")]),
                ["Canary monitors"] = new("fail", "faulty deployment", FaultyResources: ["GET /cart"]),
            },
        });

        var text = await Evaluate(emulator);
        var json = await Evaluate(emulator, "-o", "json");

        Assert.True(text.ExitCode == ExitCodes.GateFailed, text.ToString());
        Assert.Matches(@"monitor 123 \(Alert\): http://127\.0\.0\.1:\d+/monitors/123\?from_ts=", text.Stdout);
        Assert.Contains("monitor 456 (No Data): ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("faulty resource: GET /cart", text.Stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Stdout);
        var p0 = doc.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "P0 monitors");
        Assert.Equal(["123", "456"], p0.GetProperty("monitors").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.StartsWith(emulator.BaseUrl.AbsoluteUri + "monitors/456", p0.GetProperty("monitors")[1].GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_history_a_failed_rule_keeps_its_reason_quietly()
    {
        await using var emulator = await WithGateAsync(new EvaluationScript
        {
            Rules = new Dictionary<string, RuleScript> { ["P0 monitors"] = new("fail", "monitor 123 is in ALERT", Monitors: [new("123")]) },
        });
        emulator.State.Options = emulator.State.Options with { WithoutHistory = true };

        var run = await Evaluate(emulator);

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        Assert.Contains("fail        P0 monitors: monitor 123 is in ALERT", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("monitor 123 (", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(emulator.State.Log.Entries, e => e.Path.EndsWith("/evaluations/rules", StringComparison.Ordinal) && e.Status == 400);
    }

    [Fact]
    public async Task The_gate_fails_while_another_rule_still_runs_and_the_step_stops_at_once()
    {
        await using var emulator = await WithGateAsync(new EvaluationScript
        {
            Rules = new Dictionary<string, RuleScript>
            {
                ["P0 monitors"] = new("fail", "ALERT", 0.1),
                ["Canary monitors"] = new("pass", null, 600),
            },
        });

        var run = await Evaluate(emulator, "--timeout", "30");

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        Assert.Contains("in_progress Canary monitors", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_gate_passes_even_when_a_rule_fails()
    {
        await using var emulator = await WithGateAsync(new EvaluationScript { Default = new RuleScript("fail", "ALERT") }, gateDryRun: true);

        var run = await Evaluate(emulator, "-o", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("pass", doc.RootElement.GetProperty("gate_status").GetString());
        Assert.True(doc.RootElement.GetProperty("dry_run").GetBoolean());
        Assert.False(doc.RootElement.GetProperty("blocks").GetBoolean());
    }

    [Fact]
    public async Task A_404_just_after_the_trigger_and_a_429_while_polling_do_not_fail_the_deploy()
    {
        await using var emulator = await WithGateAsync(new EvaluationScript { NotFoundForSeconds = 1.0, Default = new RuleScript("pass", AfterSeconds: 2.0) }); // windows wide enough for a loaded machine (0.3 s missed the first poll under the full suite)
        emulator.State.Log.Clear();
        emulator.State.ScriptFaults("GET /api/v2/deployments/gates/evaluation/*", "none", "429", "none", "503");

        var run = await Evaluate(emulator);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var polls = emulator.State.Log.Entries.Where(e => e.Path.StartsWith("/api/v2/deployments/gates/evaluation/", StringComparison.Ordinal)).ToList();
        Assert.Contains(polls, p => p.Status == 404);
        Assert.Contains(polls, p => p.Status == 429);
        Assert.Equal(200, polls[^1].Status);
    }

    [Fact]
    public async Task No_verdict_in_time_is_a_timeout_that_blocks_only_with_fail_on_error()
    {
        await using var emulator = await WithGateAsync(new EvaluationScript { Default = new RuleScript("pass", AfterSeconds: 600) });

        // The step started 700 ms ago: 300 ms are left of its 1 s timeout.
        string[] args = ["evaluate", "--service", "checkout", "--env", "production", "--version", "1.2.3", "--timeout", "1"];
        var open = await CliRunner.RunAsync(emulator, TimeSpan.FromMilliseconds(700), args);
        var closed = await CliRunner.RunAsync(emulator, TimeSpan.FromMilliseconds(700), [.. args, "--fail-on-error"]);

        Assert.True(open.ExitCode == ExitCodes.Ok, open.ToString());
        Assert.StartsWith("TIMEOUT: checkout/production/default: no verdict within the 1 s timeout (--timeout, counted from the start of the step) (still running: P0 monitors, Canary monitors)", open.Stdout, StringComparison.Ordinal);
        Assert.True(closed.ExitCode == ExitCodes.EvaluationTimedOut, closed.ToString());
    }

    [Fact]
    public async Task Datadog_unreachable_is_an_error_that_blocks_only_with_fail_on_error()
    {
        var dead = $"http://127.0.0.1:{FreePort()}";
        string[] args = ["evaluate", "--service", "web", "--env", "prod", "--api-url", dead, "--timeout", "5"];

        var open = await CliRunner.RunAsync(CliRunner.Keys, args);
        var closed = await CliRunner.RunAsync(CliRunner.Keys, [.. args, "--fail-on-error"]);

        Assert.True(open.ExitCode == ExitCodes.Ok, open.ToString());
        Assert.StartsWith("ERROR: no verdict for web/prod/default; deploying anyway (--fail-on-error would block)", open.Stdout, StringComparison.Ordinal);
        Assert.True(closed.ExitCode == ExitCodes.Failed, closed.ToString());
    }

    [Fact]
    public async Task No_such_gate_and_refused_keys_are_invalid_and_always_block()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { ApiKey = TestEmulator.ApiKey, AppKey = TestEmulator.AppKey });

        var missing = await CliRunner.RunAsync(emulator, "evaluate", "--service", "nope", "--env", "prod");
        var refused = await CliRunner.RunAsync(new Dictionary<string, string> { ["DD_API_KEY"] = "wrong", ["DD_APP_KEY"] = "wrong" },
            "evaluate", "--service", "nope", "--env", "prod", "--api-url", emulator.BaseUrl.AbsoluteUri);

        Assert.True(missing.ExitCode == ExitCodes.InvalidInput, missing.ToString());
        Assert.Contains("no gate found for service nope, env prod, and identifier default", missing.Stdout, StringComparison.Ordinal);
        Assert.True(refused.ExitCode == ExitCodes.InvalidInput, refused.ToString());
        Assert.Contains("403", refused.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inline_rules_from_a_datadog_ci_file_need_no_stored_gate()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Evaluations = new EvaluationScript { Rules = new Dictionary<string, RuleScript> { ["jit"] = new("fail", "ALERT") } };
        var rules = CliRunner.TempFile("""{"rules": [{"name": "jit", "type": "monitor", "options": {"query": "service:web"}}]}""", ".json");

        var run = await CliRunner.RunAsync(emulator, "evaluate", "--service", "web", "--env", "prod", "--rules", rules);

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        Assert.Empty(emulator.State.Store.Snapshot());
        Assert.Contains("fail        jit: ALERT", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inline_rules_from_the_gates_file_with_inline()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "evaluate", "--config", CliRunner.TempFile(Gates), "--inline");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Empty(emulator.State.Store.Snapshot());
        Assert.Contains("P0 monitors", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_then_evaluate_in_one_command()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "evaluate", "--config", CliRunner.TempFile(Gates), "--apply");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Single(emulator.State.Store.Snapshot());
        Assert.StartsWith("PASS", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gate_just_created_and_briefly_unknown_to_the_trigger_is_waited_for_and_the_wait_is_shown()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Evaluations = new EvaluationScript { NewGateUnknownForSeconds = 0.4 };

        var run = await CliRunner.RunAsync(emulator, "evaluate", "--config", CliRunner.TempFile(Gates), "--apply");
        emulator.State.Log.Clear();
        var elsewhere = await CliRunner.RunAsync(emulator, "evaluate", "--service", "nothing-here", "--env", "production");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.StartsWith("PASS", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Datadog does not find the gate checkout/production/default created a moment ago yet (404); trying again in", run.Stderr, StringComparison.Ordinal);
        Assert.True(elsewhere.ExitCode == ExitCodes.InvalidInput, elsewhere.ToString());
        Assert.DoesNotContain("trying again", elsewhere.Stderr, StringComparison.Ordinal);
        Assert.Equal([404], emulator.State.Log.Entries.Select(e => e.Status)); // a gate this run did not create: one trigger, no wait
    }

    /// <summary>Cancelled once the first poll was answered (the link is known), or right after the trigger (it is not yet).</summary>
    [Theory]
    [InlineData("/api/v2/deployments/gates/evaluation/", 200)]
    [InlineData("/api/v2/deployments/gates/evaluation", 202)]
    public async Task Cancellation_says_where_the_evaluation_goes_on_with_its_link_and_exits_promptly(string cancelAfterPath, int status)
    {
        await using var emulator = await WithGateAsync(new EvaluationScript { Default = new RuleScript("pass", AfterSeconds: 600) });
        using var cancel = new CancellationTokenSource();
        var run = CliRunner.RunAsync(CliRunner.Keys, cancel.Token,
            "evaluate", "--service", "checkout", "--env", "production", "--api-url", emulator.BaseUrl.AbsoluteUri);
        while (!emulator.State.Log.Entries.Any(e => e.Path.StartsWith(cancelAfterPath, StringComparison.Ordinal) && e.Status == status))
        {
            await Task.Delay(5);
        }

        await cancel.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("goes on in Datadog: http://127.0.0.1:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_evaluate_inputs_are_reported_together_and_nothing_is_sent()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var fdd = CliRunner.TempFile("gates:\n  - { service: web, env: prod, rules: [{ name: f, type: faulty_deployment_detection }] }\n");

        var run = await CliRunner.RunAsync(emulator, "evaluate", "--config", fdd, "--timeout", "0");
        var many = await CliRunner.RunAsync(emulator, "evaluate", "--config", CliRunner.TempFile(Gates.Replace("env: production", "env: [staging, production]", StringComparison.Ordinal)));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--timeout: must be a whole number of seconds from 1 to 86400, found \"0\"", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--version: required: gate web/prod/default has a faulty_deployment_detection rule", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("evaluate needs exactly one gate, and 2 match", many.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
