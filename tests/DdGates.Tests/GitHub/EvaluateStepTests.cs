using System.Text.Json;
using DdGates.Emulator;
using DdGates.Tests.Support;

namespace DdGates.Tests.GitHub;

/// <summary>command: evaluate and apply-and-evaluate as GitHub steps.</summary>
public class EvaluateStepTests
{
    private const string Gates = """
        gates:
          - service: checkout
            env: production
            rules:
              - { name: P0 monitors, type: monitor, options: { query: "service:checkout" } }
              - { name: Latency, type: monitor, options: { query: "service:checkout latency" } }
        """;

    [Fact]
    public async Task Apply_and_evaluate_is_one_step_with_one_summary_and_a_failed_rule_annotated()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Evaluations = new EvaluationScript
        {
            Rules = new Dictionary<string, RuleScript> { ["Latency"] = new("fail", "p99 latency monitor in ALERT") },
        };
        using var runner = new RunnerSandbox();
        runner.WriteFile("gates.yaml", Gates);
        var inputs = ActionStepTests.Inputs(emulator.BaseUrl.AbsoluteUri, "apply-and-evaluate");
        inputs["version"] = "1.4.2";

        var step = await runner.RunAsync(inputs);

        Assert.True(step.ExitCode == 4, step.ToString());
        Assert.Equal("created", step.Outputs["result"]);
        Assert.Equal("fail", step.Outputs["gate-status"]);
        Assert.Equal(step.Outputs["evaluation-id"], step.Outputs["evaluation-url"].Split('/')[^1]);
        var rules = JsonDocument.Parse(step.Outputs["rules"]).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal("p99 latency monitor in ALERT", rules["Latency"].GetProperty("reason").GetString());
        Assert.Equal("pass", rules["P0 monitors"].GetProperty("status").GetString());
        var annotation = Assert.Single(step.Commands, c => c.Command == "error" && c.Data.Contains("rule \"Latency\" failed", StringComparison.Ordinal));
        Assert.Equal("gates.yaml", annotation.Properties["file"]);
        var apply = step.Summary.IndexOf("## Datadog Deployment Gates: apply", StringComparison.Ordinal);
        var evaluate = step.Summary.IndexOf("## Datadog gate evaluation: blocked\n\n**FAIL: checkout/production/default says do not deploy.**", StringComparison.Ordinal);
        Assert.True(apply >= 0 && evaluate > apply, step.Summary);
        Assert.Contains("| Latency | ❌ fail | p99 latency monitor in ALERT | no |", step.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_of_a_missing_gate_is_invalid_with_status_output()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var runner = new RunnerSandbox();
        var inputs = ActionStepTests.Inputs(emulator.BaseUrl.AbsoluteUri, "evaluate", config: "");
        inputs["service"] = "checkout";
        inputs["env"] = "production";

        var step = await runner.RunAsync(inputs);

        Assert.True(step.ExitCode == 3, step.ToString());
        Assert.Equal("invalid", step.Outputs["gate-status"]);
        Assert.Contains("no gate found for service checkout", step.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_verdict_without_fail_on_error_lets_the_deploy_go_on_with_a_warning_and_says_which()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { FaultRate = 1, FaultKinds = ["503"] });
        using var runner = new RunnerSandbox();
        var inputs = ActionStepTests.Inputs(emulator.BaseUrl.AbsoluteUri, "evaluate", config: "");
        inputs["service"] = "checkout";
        inputs["env"] = "production";
        inputs["timeout"] = "2"; // Datadog keeps answering 503: no verdict before the timeout

        var step = await runner.RunAsync(inputs);

        Assert.True(step.ExitCode == 0, step.ToString());
        Assert.Equal("timeout", step.Outputs["gate-status"]);
        Assert.Contains(step.Commands, c => c.Command == "warning" && c.Data.StartsWith("TIMEOUT: checkout/production/default", StringComparison.Ordinal) && c.Data.EndsWith("deploying anyway (fail-on-error: true would block).", StringComparison.Ordinal));
        Assert.DoesNotContain(step.Commands, c => c.Command == "error");
    }

    [Fact]
    public async Task Missing_keys_say_once_which_inputs_to_set()
    {
        using var runner = new RunnerSandbox();
        var inputs = ActionStepTests.Inputs("http://127.0.0.1:9", "plan");
        inputs["api-key"] = "";
        inputs["app-key"] = "";
        runner.WriteFile("gates.yaml", Gates);

        var step = await runner.RunAsync(inputs);

        Assert.Equal(3, step.ExitCode);
        var hint = "set the api-key and app-key inputs (from secrets), or access-token";
        Assert.Single(step.Commands, c => c.Data.Contains(hint, StringComparison.Ordinal));
    }
}
