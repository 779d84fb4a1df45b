using System.Text.Json;
using DdGates.Tests.Support;

namespace DdGates.Tests.GitHub;

/// <summary>The published program as a GitHub Docker action step, judged by ports of the runner's own parsers.</summary>
public class ActionStepTests
{
    internal const string ApiKey = "ddapi-SECRET-5c1e0a77";
    internal const string AppKey = "ddapp-SECRET-93b2f4d1";

    private const string Gates = """
        gates:
          - service: checkout
            env: staging
            rules:
              - name: P0 monitors
                type: monitor
                options: { query: "service:checkout priority:p0", duration: 300 }
        """;

    internal static Dictionary<string, string> Inputs(string apiUrl, string command = "apply", string config = "gates.yaml") => new()
    {
        ["api-key"] = ApiKey,
        ["app-key"] = AppKey,
        ["api-url"] = apiUrl,
        ["command"] = command,
        ["config"] = config,
        // Every declared input arrives; those without a default arrive empty (docs/ci-platforms.md).
        ["site"] = "datadoghq.com",
        ["service"] = "",
        ["env"] = "",
        ["identifier"] = "",
        ["dry-run"] = "",
        ["rules"] = "",
        ["prune"] = "false",
        ["fail-on-drift"] = "false",
        ["version"] = "",
        ["primary-tag"] = "",
        ["timeout"] = "3600",
        ["fail-on-error"] = "false",
        ["inline"] = "false",
        ["concurrency"] = "8",
    };

    [Fact]
    public async Task Apply_writes_outputs_a_summary_and_masks_the_keys_first()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var runner = new RunnerSandbox();
        runner.WriteFile("gates.yaml", Gates);

        var step = await runner.RunAsync(Inputs(emulator.BaseUrl.AbsoluteUri));

        Assert.True(step.ExitCode == 0, step.ToString());
        Assert.Equal(["add-mask", "add-mask"], step.Commands.Take(2).Select(c => c.Command));
        Assert.Equal([ApiKey, AppKey], step.Commands.Take(2).Select(c => c.Data));
        var gate = Assert.Single(emulator.State.Store.Snapshot());
        Assert.Equal(gate.Id, step.Outputs["gate-id"]);
        Assert.Equal("true", step.Outputs["changed"]);
        Assert.Equal("created", step.Outputs["result"]);
        Assert.Equal(gate.Id, JsonDocument.Parse(step.Outputs["gate-ids"]).RootElement.GetProperty("checkout/staging/default").GetString());
        Assert.True(JsonDocument.Parse(step.Outputs["plan"]).RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Contains("## Datadog Deployment Gates: apply", step.Summary, StringComparison.Ordinal);
        Assert.Contains("| + | P0 monitors | create → created |", step.Summary, StringComparison.Ordinal);
        Assert.Contains(step.Commands, c => c.Command == "group");

        var again = await runner.RunAsync(Inputs(emulator.BaseUrl.AbsoluteUri));
        Assert.Equal("unchanged", RunnerFileCommands.Parse(File.ReadAllText(runner.OutputFile))["result"]);
        Assert.Equal(0, again.ExitCode);
    }

    [Fact]
    public async Task Plan_on_a_changed_file_with_fail_on_drift_reports_each_change_and_exits_1()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var runner = new RunnerSandbox();
        runner.WriteFile("gates.yaml", Gates);
        await runner.RunAsync(Inputs(emulator.BaseUrl.AbsoluteUri));
        runner.WriteFile("gates.yaml", Gates.Replace("duration: 300", "duration: 600", StringComparison.Ordinal)
            + "\n      - { name: FDD, type: faulty_deployment_detection, options: { duration: 900 } }\n");
        File.WriteAllText(runner.OutputFile, "");
        File.WriteAllText(runner.SummaryFile, "");
        emulator.State.Log.Clear();

        var step = await runner.RunAsync(new Dictionary<string, string>(Inputs(emulator.BaseUrl.AbsoluteUri, "plan")) { ["fail-on-drift"] = "true" });

        Assert.True(step.ExitCode == 1, step.ToString());
        Assert.Equal("true", step.Outputs["changed"]);
        Assert.Equal("pending", step.Outputs["result"]);
        Assert.Contains("| ~ | P0 monitors | update | options.duration: 300 → 600 |", step.Summary, StringComparison.Ordinal);
        Assert.Contains("| + | FDD | create |", step.Summary, StringComparison.Ordinal);
        Assert.Contains(step.Commands, c => c.Command == "error" && c.Data.Contains("fail-on-drift", StringComparison.Ordinal));
        Assert.DoesNotContain(emulator.State.Log.Entries, e => e.IsWrite);
    }

    [Fact]
    public async Task Three_mistakes_give_three_annotations_on_the_file_and_no_request()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var runner = new RunnerSandbox();
        runner.WriteFile("deploy/gates.yaml", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "bad", "three-mistakes.yaml")));

        var step = await runner.RunAsync(Inputs(emulator.BaseUrl.AbsoluteUri, config: "deploy/gates.yaml"));

        Assert.True(step.ExitCode == 3, step.ToString());
        var annotations = step.Commands.Where(c => c.Command == "error" && c.Properties.ContainsKey("file")).ToList();
        Assert.Equal(3, annotations.Count);
        Assert.All(annotations, a => Assert.Equal("deploy/gates.yaml", a.Properties["file"]));
        Assert.Equal(["8", "9", "10"], annotations.Select(a => a.Properties["line"]));
        Assert.Equal("gates[0].rules[0].options.duration: must be between 0 and 7200 seconds, found 9000", annotations[0].Data);
        Assert.Equal("invalid", step.Outputs["result"]);
        Assert.Contains("3 problems; nothing was sent to Datadog", step.Summary, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    [Fact]
    public async Task More_than_ten_problems_give_ten_annotations_and_all_of_them_in_the_summary()
    {
        using var runner = new RunnerSandbox();
        var gates = string.Join("\n", Enumerable.Range(0, 14).Select(i => $"  - {{ service: \"bad {i}\", env: prod }}"));
        runner.WriteFile("gates.yaml", "gates:\n" + gates + "\n");

        var step = await runner.RunAsync(Inputs("http://127.0.0.1:9"));

        Assert.Equal(3, step.ExitCode);
        Assert.Equal(10, step.Commands.Count(c => c.Command == "error"));
        Assert.Contains("14 problems", step.Summary, StringComparison.Ordinal);
        Assert.Contains("The first 10 errors are also annotations", step.Summary, StringComparison.Ordinal);
        Assert.Contains("gates\\[13\\].service", step.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_appear_nowhere_also_when_datadog_refuses_them()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { ApiKey = "another", AppKey = "another" });
        using var runner = new RunnerSandbox();
        runner.WriteFile("gates.yaml", Gates);

        var step = await runner.RunAsync(Inputs(emulator.BaseUrl.AbsoluteUri));

        Assert.Equal(1, step.ExitCode);
        Assert.Contains("403", step.Summary, StringComparison.Ordinal);
        var everything = step.Stdout + step.Stderr + step.Summary + string.Join("\n", step.Outputs.Values);
        var withoutMasks = string.Join("\n", everything.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)));
        Assert.DoesNotContain(ApiKey, withoutMasks, StringComparison.Ordinal);
        Assert.DoesNotContain(AppKey, withoutMasks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_boolean_and_command_inputs_are_named_in_the_runner_spelling()
    {
        using var runner = new RunnerSandbox();
        runner.WriteFile("gates.yaml", Gates);

        var step = await runner.RunAsync(new Dictionary<string, string>(Inputs("http://127.0.0.1:9", "destroy")) { ["prune"] = "yes" });

        Assert.Equal(3, step.ExitCode);
        Assert.Contains(step.Commands, c => c.Command == "error" && c.Data.Contains("input command: must be one of apply, plan", StringComparison.Ordinal));
        Assert.Contains(step.Commands, c => c.Command == "error" && c.Data.Contains("input prune: expected true or false, found \"yes\"", StringComparison.Ordinal));
    }
}
