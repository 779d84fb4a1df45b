using DdGates.Cli;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Emulator;
using DdGates.Http;
using DdGates.Inputs;
using DdGates.Tests.Azure;
using DdGates.Tests.GitHub;
using DdGates.Tests.Support;

namespace DdGates.Tests.Cli;

/// <summary>
/// One scenario through every adapter <c>dd-gates run</c> can pick: GitHub Actions, Azure Pipelines and a
/// plain console. Each host's output is read back the way that host reads it (the runner's file-command
/// and workflow-command parsers, the agent's logging-command parser, name=value lines on a console).
/// </summary>
public class ThreeHostsTests
{
    public static TheoryData<string> Hosts => ["github", "azure", "console"];

    private const string Gates = "gates:\n  - service: web\n    env: prod\n    rules:\n      - { name: P0, type: monitor, options: { query: \"service:web\" } }\n";

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Apply_creates_the_gate_and_every_host_reports_the_same_outputs_and_summary(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var step = await HostedStep.RunAsync(host, emulator, new() { ["command"] = "apply", ["config"] = CliRunner.TempFile(Gates) });

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        var gate = Assert.Single(emulator.State.Store.Snapshot());
        Assert.Equal("created", step.Outputs["result"]);
        Assert.Equal("true", step.Outputs["changed"]);
        Assert.Equal(gate.Id, step.Outputs[host == "azure" ? "gateId" : "gate-id"]);
        Assert.Contains("**Applied.** Gates: 1 created.", step.Summary, StringComparison.Ordinal);
        Assert.Empty(step.Errors);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Bad_input_names_the_input_as_that_host_spells_it_and_sends_nothing(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var step = await HostedStep.RunAsync(host, emulator, new() { ["command"] = "evaluate", ["service"] = "web", ["env"] = "prod", ["fail-on-error"] = "maybe" });

        Assert.True(step.ExitCode == ExitCodes.InvalidInput, step.ToString());
        Assert.Equal("invalid", step.Outputs["result"]);
        Assert.Equal("invalid", step.Outputs[host == "azure" ? "gateStatus" : "gate-status"]);
        var name = host == "azure" ? "failOnError" : "fail-on-error";
        Assert.Contains(step.Errors, e => e.StartsWith($"input {name}: expected true or false, found \"maybe\"", StringComparison.Ordinal));
        Assert.Contains($"input {name}", step.Summary, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_failed_evaluation_names_each_failing_monitor_with_its_link_in_the_summary_and_the_rules_output(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await HostedStep.RunAsync(host, emulator, new() { ["command"] = "apply", ["config"] = CliRunner.TempFile(Gates) })).ExitCode);
        emulator.State.Evaluations = new EvaluationScript { Default = new RuleScript("fail", "monitors in ALERT", Monitors: [new("123"), new("456", "No Data")]) };

        var step = await HostedStep.RunAsync(host, emulator, new() { ["command"] = "evaluate", ["service"] = "web", ["env"] = "prod" });

        Assert.True(step.ExitCode == ExitCodes.GateFailed, step.ToString());
        var link = emulator.BaseUrl.AbsoluteUri + "monitors/";
        Assert.Contains($"[monitor 123]({link}123?from_ts=", step.Summary, StringComparison.Ordinal);
        Assert.Contains($"[monitor 456]({link}456?from_ts=", step.Summary, StringComparison.Ordinal);
        Assert.Contains(") No Data", step.Summary, StringComparison.Ordinal);
        using var rules = System.Text.Json.JsonDocument.Parse(step.Outputs["rules"]);
        Assert.Equal(["Alert", "No Data"], rules.RootElement[0].GetProperty("monitors").EnumerateArray().Select(m => m.GetProperty("state").GetString()));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Report_and_export_run_as_steps_with_their_outputs_and_summaries(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await HostedStep.RunAsync(host, emulator, new() { ["command"] = "apply", ["config"] = CliRunner.TempFile(Gates) })).ExitCode);
        var gateId = emulator.State.Store.Find("web", "prod", "default")!.Id;
        emulator.State.SeedHistory(Enumerable.Range(1, 3).Select(i =>
            new SeededEvaluation("web", "prod", DateTimeOffset.UtcNow.AddHours(-i), [new SeededRule("P0", "pass")], GateId: gateId)));

        var report = await HostedStep.RunAsync(host, emulator, new() { ["command"] = "report", ["service"] = "web", ["min-evaluations"] = "3", ["fail-unless-ready"] = "true" });
        var export = await HostedStep.RunAsync(host, emulator, new() { ["command"] = "export" });

        Assert.True(report.ExitCode == ExitCodes.Ok, report.ToString());
        Assert.Equal("ready", report.Outputs["result"]);
        using (var json = System.Text.Json.JsonDocument.Parse(report.Outputs["report"]))
        {
            Assert.Equal(3, json.RootElement.GetProperty("gates")[0].GetProperty("evaluations").GetInt32());
        }

        Assert.Contains("| web/prod/default | 🔒 enforced: 3 finished evaluations, 0 blocked the deploy | 3 | 3 | 0 | 0 | 0 | 0 |", report.Summary, StringComparison.Ordinal);
        Assert.True(export.ExitCode == ExitCodes.Ok, export.ToString());
        Assert.Equal("exported", export.Outputs["result"]);
        Assert.Contains("**Exported 1 gate in 1 entry.**", export.Summary, StringComparison.Ordinal);
        Assert.Contains("  - service: web\n    env: prod\n    rules:\n      - name: P0\n", export.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Plan_outputs_its_hash_and_apply_refuses_another_one_before_any_write(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Gates);
        var plan = await HostedStep.RunAsync(host, emulator, new() { ["command"] = "plan", ["config"] = file });
        var hash = plan.Outputs[host == "azure" ? "planHash" : "plan-hash"];
        emulator.State.Log.Clear();

        var refused = await HostedStep.RunAsync(host, emulator, new() { ["command"] = "apply", ["config"] = file, ["expect-plan"] = "0123456789ab" });
        Assert.True(refused.ExitCode == ExitCodes.Failed, refused.ToString());
        Assert.Equal("failed", refused.Outputs["result"]);
        Assert.Contains("the plan is not the one reviewed (expected hash 0123456789ab, now " + hash, refused.Summary, StringComparison.Ordinal);
        Assert.Empty(emulator.Writes());

        var applied = await HostedStep.RunAsync(host, emulator, new() { ["command"] = "apply", ["config"] = file, ["expect-plan"] = hash });
        Assert.True(applied.ExitCode == ExitCodes.Ok, applied.ToString());
        Assert.Equal("created", applied.Outputs["result"]);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task An_answer_the_client_cannot_read_ends_with_outputs_a_summary_and_one_failure_that_names_the_server(string host)
    {
        // The emulator answers a gate without an id: the answer is not what the API sends, which is the server's fault, not ours.
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { FaultRate = 1, FaultKinds = ["gate-without-id"] });
        var step = await HostedStep.RunAsync(host, emulator, new() { ["command"] = "plan", ["config"] = CliRunner.TempFile(Gates) });

        Assert.True(step.ExitCode == ExitCodes.Failed, step.ToString());
        Assert.Equal("failed", step.Outputs["result"]);
        Assert.Contains("unreadable answer: no gate id", step.Summary, StringComparison.Ordinal);
        Assert.Single(step.Errors, e => e.Contains("unreadable answer: no gate id", StringComparison.Ordinal));
        Assert.DoesNotContain("unexpected error", step.Stdout + step.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", step.Stdout + step.Stderr, StringComparison.Ordinal);
    }
}

/// <summary>The outputs, summary and error annotations of one in-process <c>dd-gates run</c>, as its host reads them.</summary>
internal sealed record HostedStep(int ExitCode, Dictionary<string, string> Outputs, string Summary, IReadOnlyList<string> Errors, string Stdout, string Stderr)
{
    /// <summary>GitHub only: the workflow commands the runner would read.</summary>
    public List<ParsedCommand> Commands => RunnerWorkflowCommands.Parse(Stdout);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}\n--- summary\n{Summary}";

    /// <param name="inputs">Inputs by their GitHub name; the Azure run spells them as task.json does.</param>
    /// <param name="variables">More of the step's environment, as the runner or the agent sets it (GITHUB_EVENT_PATH, BUILD_REASON).</param>
    public static Task<HostedStep> RunAsync(string host, EmulatorHost emulator, Dictionary<string, string> inputs,
        string apiKey = TestEmulator.ApiKey, string appKey = TestEmulator.AppKey, DdGates.Http.RetryPolicy? retry = null,
        IReadOnlyDictionary<string, string>? variables = null) =>
        RunAsync(host, emulator.BaseUrl, inputs, apiKey, appKey, retry, variables);

    /// <summary>The same against any API address (a hostile server's).</summary>
    public static async Task<HostedStep> RunAsync(string host, Uri apiUrl, Dictionary<string, string> inputs,
        string apiKey = TestEmulator.ApiKey, string appKey = TestEmulator.AppKey, DdGates.Http.RetryPolicy? retry = null,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        inputs["api-url"] = apiUrl.AbsoluteUri;
        inputs.TryAdd("preflight", "off"); // as CliRunner.WithoutPreflight: the tests under Preflight/ turn it on
        inputs["api-key"] = apiKey;
        inputs["app-key"] = appKey;
        var dir = Directory.CreateTempSubdirectory("dd-gates-host-").FullName;
        try
        {
            var env = Environment(host, inputs, dir);
            foreach (var (name, value) in variables ?? new Dictionary<string, string>()) env[name] = value;
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await CliApp.RunAsync(["run"], stdout, stderr, name => env.GetValueOrDefault(name),
                new CliRuntime(DateTimeOffset.UtcNow, retry ?? TestEmulator.FastRetries, TestEmulator.FastPolls));
            return Read(host, code, stdout.ToString(), stderr.ToString(), dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Dictionary<string, string> Environment(string host, Dictionary<string, string> inputs, string dir)
    {
        var byName = InputTable.All.ToDictionary(i => i.GitHub);
        return host switch
        {
            "github" => new Dictionary<string, string>(inputs.Select(i => KeyValuePair.Create(byName[i.Key].GitHubEnv, i.Value)))
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_OUTPUT"] = Touch(Path.Combine(dir, "set_output")),
                ["GITHUB_STEP_SUMMARY"] = Touch(Path.Combine(dir, "step_summary")),
            },
            "azure" => new Dictionary<string, string>(inputs.Select(i => KeyValuePair.Create(AgentEnvironment.Input(byName[i.Key].Azure), i.Value)))
            {
                ["TF_BUILD"] = "True",
                ["AGENT_TEMPDIRECTORY"] = dir,
            },
            _ => new Dictionary<string, string>(inputs.Select(i => KeyValuePair.Create(byName[i.Key].GitHubEnv, i.Value))),
        };
    }

    private static HostedStep Read(string host, int code, string stdout, string stderr, string dir)
    {
        switch (host)
        {
            case "github":
                var commands = RunnerWorkflowCommands.Parse(stdout);
                return new(code, RunnerFileCommands.Parse(File.ReadAllText(Path.Combine(dir, "set_output"))), File.ReadAllText(Path.Combine(dir, "step_summary")),
                    [.. commands.Where(c => c.Command == "error").Select(c => c.Data)], stdout, stderr);
            case "azure":
                var logged = AgentLoggingCommands.Parse(stdout);
                var outputs = logged.Where(c => c.Event == "setvariable").ToDictionary(c => c.Properties["variable"], c => c.Data);
                var summary = string.Concat(logged.Where(c => c.Event == "addattachment").Select(c => File.ReadAllText(c.Data)));
                var errors = logged.Where(c => c.Event == "logissue" && c.Properties["type"] == "error").Select(c => c.Data).ToList();
                return new(code, outputs, summary, errors, stdout, stderr);
            default:
                // A console prints outputs as name=value lines and the summary as it comes, errors on stderr.
                var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
                var named = OutputTable.All.Select(o => o.GitHub).ToHashSet();
                var values = lines.Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && named.Contains(p[0])).ToDictionary(p => p[0], p => p[1]);
                var consoleErrors = stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains("error: ", StringComparison.Ordinal))
                    .Select(l => l[(l.IndexOf("error: ", StringComparison.Ordinal) + 7)..]).ToList();
                return new(code, values, stdout, consoleErrors, stdout, stderr);
        }
    }

    private static string Touch(string path)
    {
        File.WriteAllText(path, "");
        return path;
    }
}
