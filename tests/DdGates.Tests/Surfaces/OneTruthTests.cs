using System.Text.Json;
using DdGates.Cli.Exit;
using DdGates.Tests.Cli;
using DdGates.Tests.PullRequests;
using DdGates.Tests.Support;

namespace DdGates.Tests.Surfaces;

/// <summary>
/// One realistic change, every surface: gate a has two rule edits; b the same edits and dry_run true -> false; c one rule
/// added; d is declared absent; e is unchanged; f is new. Plan text, plan JSON, the plan summary and the PR comment as
/// GitHub renders them, then apply's log, summary and JSON: all say 1 create, 3 update, 1 delete, 1 unchanged.
/// </summary>
public class OneTruthTests
{
    private const string Before = """
        gates:
          - { service: a, env: prod, rules: [{ name: P0, type: monitor, options: { query: "service:a" } }, { name: Latency, type: monitor, options: { query: "service:a-latency" } }] }
          - { service: b, env: prod, dry_run: true, rules: [{ name: P0, type: monitor, options: { query: "service:b" } }, { name: Latency, type: monitor, options: { query: "service:b-latency" } }] }
          - { service: c, env: prod, rules: [{ name: P0, type: monitor, options: { query: "service:c" } }] }
          - { service: d, env: prod, rules: [{ name: P0, type: monitor, options: { query: "service:d" } }] }
          - { service: e, env: prod, rules: [{ name: P0, type: monitor, options: { query: "service:e" } }] }
        """;

    private const string After = """
        gates:
          - { service: a, env: prod, rules: [{ name: P0, type: monitor, options: { query: "service:a priority:p0" } }, { name: Latency, type: monitor, options: { query: "service:a-latency priority:p1" } }] }
          - { service: b, env: prod, dry_run: false, rules: [{ name: P0, type: monitor, options: { query: "service:b priority:p0" } }, { name: Latency, type: monitor, options: { query: "service:b-latency priority:p1" } }] }
          - { service: c, env: prod, rules: [{ name: P0, type: monitor, options: { query: "service:c" } }, { name: Canary, type: monitor, options: { query: "service:c-canary" } }] }
          - { service: d, env: prod, absent: true }
          - { service: e, env: prod, rules: [{ name: P0, type: monitor, options: { query: "service:e" } }] }
          - { service: f, env: prod, rules: [{ name: P0, type: monitor, options: { query: "service:f" } }] }
        """;

    private const string Planned = "Gates: 1 to create, 3 to update, 1 to delete, 1 unchanged.";
    private const string Done = "Gates: 1 created, 3 updated, 1 deleted, 1 unchanged.";

    [Fact]
    public async Task Every_surface_counts_the_same_change_set_and_names_the_enforcement_change()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Before))).ExitCode);
        var file = CliRunner.TempFile(After);

        var text = await CliRunner.RunAsync(emulator, "plan", "--config", file);
        var json = await CliRunner.RunAsync(emulator, "plan", "--config", file, "-o", "json");
        var pullRequest = await PullRequestSteps.PlanAsync("github", emulator, file, run: 7);
        var comment = Assert.Single(emulator.State.PullRequests.Comments(PullRequestSteps.GitHubComments)).Body;
        var applied = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "apply", ["config"] = file });

        Assert.Contains($"Plan: {Planned}", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("~ b/prod/default", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("    ! enforcement turns on (dry_run: true -> false)", text.Stdout, StringComparison.Ordinal);
        CountsAre(json.Stdout, "gates", ("create", 1), ("update", 3), ("delete", 1), ("unchanged", 1));
        Assert.Equal("create", Gate(json.Stdout, "f/prod/default").GetProperty("action").GetString());

        var planSummary = await Gfm.RenderAsync(pullRequest.Summary);
        Assert.Contains($"Changes pending. {Planned}", planSummary.Text, StringComparison.Ordinal);
        Assert.Contains("Enforcement turned on for 1 gate", planSummary.Text, StringComparison.Ordinal);
        Assert.Contains("b/prod/default : enforcement turns on (dry_run: true -> false)", planSummary.Text, StringComparison.Ordinal);

        var rendered = await Gfm.RenderAsync(comment);
        Assert.Contains($"Changes pending. {Planned}", rendered.InSight, StringComparison.Ordinal);
        Assert.Contains("b/prod/default : enforcement turns on", rendered.InSight, StringComparison.Ordinal);
        Assert.Contains("b/prod/default update ⚠️ enforcement on", rendered.InSight, StringComparison.Ordinal);
        Assert.Contains("f/prod/default create", rendered.InSight, StringComparison.Ordinal);
        Assert.Contains("d/prod/default delete", rendered.InSight, StringComparison.Ordinal);
        Assert.DoesNotContain("e/prod/default", rendered.InSight, StringComparison.Ordinal);
        Assert.Contains("Planned at commit 9f2c1e7d3b4a", rendered.InSight, StringComparison.Ordinal);
        Assert.Contains("+ f/prod/default: create", rendered.Text, StringComparison.Ordinal); // the diff, folded
        Assert.DoesNotContain("+ f/prod/default: create", rendered.InSight, StringComparison.Ordinal);

        Assert.True(applied.ExitCode == ExitCodes.Ok, applied.ToString());
        Assert.Contains($"Applied. {Done}", applied.Stdout, StringComparison.Ordinal);
        var applySummary = await Gfm.RenderAsync(applied.Summary);
        Assert.Contains($"Applied. {Done}", applySummary.Text, StringComparison.Ordinal);
        Assert.Contains("b/prod/default : enforcement turned on", applySummary.Text, StringComparison.Ordinal);
        CountsAre(applied.Outputs["plan"], "gates", ("create", 1), ("update", 3), ("delete", 1), ("unchanged", 1));
        CountsAre(applied.Outputs["plan"], "results", ("created", 1), ("updated", 3), ("deleted", 1), ("unchanged", 1));
        Assert.Equal("create", Gate(applied.Outputs["plan"], "f/prod/default").GetProperty("action").GetString());
        using var ids = JsonDocument.Parse(applied.Outputs["gate-ids"]);
        Assert.False(ids.RootElement.TryGetProperty("d/prod/default", out _), "a deleted gate has no id to give");
        Assert.Equal(5, ids.RootElement.EnumerateObject().Count());
        Assert.Null(emulator.State.Store.Find("d", "prod", "default"));
    }

    [Fact]
    public async Task Each_commands_summary_reads_as_github_renders_it()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Before))).ExitCode);
        emulator.State.Evaluations = new Emulator.EvaluationScript { Default = new Emulator.RuleScript("fail", "monitors in ALERT", Monitors: [new("123")]) };

        var evaluate = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "evaluate", ["service"] = "a", ["env"] = "prod" });
        var report = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "report", ["service"] = "a" });
        var export = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "export", ["service"] = "a" });
        var invalid = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "plan", ["config"] = CliRunner.TempFile("gates: [{ service: a }]") });

        var shown = new Dictionary<string, Gfm.Rendered>();
        foreach (var (name, step) in new[] { ("evaluate", evaluate), ("report", report), ("export", export), ("invalid", invalid) })
        {
            var rendered = await Gfm.RenderAsync(step.Summary);
            shown[name] = rendered;
            // Markdown that did not render shows its marks: a reader must never see them.
            Assert.DoesNotContain("**", rendered.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("\\_", rendered.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("`", rendered.InSight, StringComparison.Ordinal);
        }

        Assert.StartsWith("Datadog gate evaluation: blocked FAIL: a/prod/default says do not deploy.", shown["evaluate"].Text, StringComparison.Ordinal);
        Assert.Equal(1, shown["evaluate"].Tables);
        Assert.Contains("monitor 123", shown["evaluate"].Text, StringComparison.Ordinal);
        Assert.Equal(1, shown["report"].Tables);
        Assert.Contains("Exported 1 gate in 1 entry.", shown["export"].InSight, StringComparison.Ordinal);
        Assert.Contains("service: a", shown["export"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("service: a", shown["export"].InSight, StringComparison.Ordinal);
        Assert.Contains("problem; nothing was sent to Datadog.", shown["invalid"].Text, StringComparison.Ordinal);
        Assert.Contains("gates[0]", shown["invalid"].Text, StringComparison.Ordinal);
    }

    private static void CountsAre(string document, string group, params (string Name, int Count)[] expected)
    {
        using var json = JsonDocument.Parse(document);
        var counts = json.RootElement.GetProperty("counts").GetProperty(group);
        foreach (var (name, count) in expected) Assert.True(counts.GetProperty(name).GetInt32() == count, $"{group}.{name}: {counts}");
    }

    private static JsonElement Gate(string document, string key) =>
        JsonDocument.Parse(document).RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("key").GetString() == key).Clone();
}
