using System.Text.Json;
using DdGates.Cli.Exit;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Tests.Cli;
using DdGates.Tests.PullRequests;
using DdGates.Tests.Support;

namespace DdGates.Tests.Surfaces;

/// <summary>The surface defects of "one truth on every surface", each held to what a person reads.</summary>
public class SurfaceDefectTests
{
    private const string TwoRules = """
        gates:
          - service: web
            env: prod
            rules:
              - { name: a, type: monitor, options: { query: "service:web" } }
              - { name: b, type: monitor, options: { query: "service:web-b" } }
        """;

    [Fact]
    public async Task A_partial_apply_names_the_gate_it_created_and_its_id_and_the_rerun_finishes()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { RateLimitResetSeconds = 0 });
        var file = CliRunner.TempFile(TwoRules);
        emulator.State.ScriptFaults("POST /api/v2/deployment_gates/*/rules", "none", "429", "429", "429", "429", "429", "429");

        var failed = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--concurrency", "1");
        var json = await CliRunner.RunAsync(emulator, "plan", "--config", file, "-o", "json");

        var id = Assert.Single(emulator.State.Store.Snapshot()).Id;
        Assert.True(failed.ExitCode == ExitCodes.Failed, failed.ToString());
        Assert.Contains($"ok   gate created: {id}", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Gates: 1 failed, of the failed, 1 created with rules missing.", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains($"created, but with rules missing: web/prod/default ({id})", failed.Stderr, StringComparison.Ordinal);
        Assert.Contains($"[1/1] x web/prod/default: failed (rules: 1 created) [gate created as {id}", failed.Stderr, StringComparison.Ordinal);
        using var plan = JsonDocument.Parse(json.Stdout);
        Assert.Equal("update", plan.RootElement.GetProperty("gates")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Progress_marks_an_update_with_a_tilde_and_counts_n_of_m()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(TwoRules);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(emulator, "apply", "--config", file)).ExitCode);

        var update = await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(TwoRules.Replace("service:web-b", "service:web-c", StringComparison.Ordinal)));

        Assert.Contains("[1/1] ~ web/prod/default: updated (rules: 1 updated)", update.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("+ web/prod/default", update.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_leaves_absent_entries_out_of_its_count_and_speaks_json()
    {
        var file = CliRunner.TempFile(TwoRules + "\n  - { service: old, env: prod, absent: true }\n");

        var text = await CliRunner.RunAsync(CliRunner.Keys, "validate", "--config", file);
        var json = await CliRunner.RunAsync(CliRunner.Keys, "validate", "--config", file, "-o", "json");

        Assert.Equal("Valid: 1 gate with 2 rules (web/prod/default); 1 declared absent, to be deleted (old/prod/default).\n", text.Stdout);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("gate_count").GetInt32());
        Assert.Equal(["old/prod/default"], doc.RootElement.GetProperty("absent").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task On_azure_the_comment_and_the_log_spell_inputs_as_the_task_does()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var step = await PullRequestSteps.PlanAsync("azure", emulator, CliRunner.TempFile(TwoRules), run: 3, inputs: new() { ["fail-on-drift"] = "true" });

        var comment = Assert.Single(emulator.State.PullRequests.Comments(PullRequestSteps.AzureThreads)).Body;
        Assert.Contains("expectPlan: ", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("expect-plan", comment, StringComparison.Ordinal);
        Assert.Contains("expectPlan: ", step.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("expect-plan", step.Stdout + step.Stderr, StringComparison.Ordinal);
        Assert.Contains(step.Errors, e => e.Contains("failOnDrift: true fails the step", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a.json", "{\n  \"gates\": [\n    { \"service\": \"a\", \"env\": \"prod\", \"rules\": [1, 2,] }\n  ]\n}\n", 3, "a comma before the closing ] (JSON allows no trailing comma)")]
    [InlineData("b.json", "{\n  \"gates\": [\n    { \"service\": \"a\",\n\n", 3, "this { is never closed (a } is missing)")]
    [InlineData("c.yaml", "gates:\n  - service: a\n\tenv: prod\n", 3, "a tab in the indentation (YAML indents with spaces only)")]
    [InlineData("d.yaml", "gates:\n  - { service: a, env: prod,\n    rules: []\n", 2, "this { is never closed (a } is missing)")]
    public void Parser_failures_are_said_in_words_at_the_line_to_fix(string name, string text, int line, string words)
    {
        var problem = Assert.Single(DesiredStateLoader.FromGatesFile(text, name).Diagnostics);

        Assert.Equal(line, problem.Location?.Line);
        Assert.EndsWith(words, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_monitors_link_opens_on_the_window_the_rule_looked_at()
    {
        var started = DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var url = MonitorLink.Window("https://app.datadoghq.com/monitors/123?from_ts=1&to_ts=2&group=a", started, started.AddMinutes(5), durationSeconds: 900);

        Assert.Equal($"https://app.datadoghq.com/monitors/123?group=a&from_ts={started.AddMinutes(-15).ToUnixTimeMilliseconds()}&to_ts={started.AddMinutes(5).ToUnixTimeMilliseconds()}", url);
        Assert.Equal("not a url", MonitorLink.Window("not a url", started, null, 60));
    }

    [Fact]
    public async Task An_empty_fault_script_clears_the_route()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.ScriptFaults("GET /api/v2/deployment_gates", "500", "500", "500", "500", "500", "500", "500");
        emulator.State.ScriptFaults("GET /api/v2/deployment_gates");

        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", CliRunner.TempFile(TwoRules));

        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
    }
}
