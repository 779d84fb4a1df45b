using System.Text.Json;
using static DdGates.Tests.Support.Rules;
using DdGates.Cli.Exit;
using DdGates.Model;
using DdGates.Tests.Support;

namespace DdGates.Tests.Cli;

/// <summary>plan and apply end to end: CLI in process, real HTTP, emulator state and request log checked.</summary>
public class ApplyTests
{
    private const string Gates = """
        gates:
          - service: checkout
            env: [staging, production]
            dry_run: { staging: false, production: true }
            rules:
              - name: P0 monitors
                type: monitor
                options: { query: "service:checkout priority:p0", duration: 300 }
              - name: FDD
                type: faulty_deployment_detection
                options: { duration: 900, excluded_resources: [] }
        """;

    [Fact]
    public async Task Apply_then_apply_again_sends_no_write_the_second_time()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Gates);

        var first = await CliRunner.RunAsync(emulator, "apply", "--config", file);
        emulator.State.Log.Clear();
        var second = await CliRunner.RunAsync(emulator, "apply", "--config", file);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Contains("Applied. Gates: 2 created.", first.Stdout, StringComparison.Ordinal);
        var state = emulator.State.Store.Snapshot();
        Assert.Equal(2, state.Count);
        Assert.Equal([("production", true), ("staging", false)], state.Select(g => (g.Env, g.DryRun)).Order());
        Assert.All(state, g => Assert.Equal(["P0 monitors", "FDD"], g.Rules.Select(r => r.Name)));

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("Nothing to apply", second.Stdout, StringComparison.Ordinal);
        Assert.Empty(emulator.Writes());
        Assert.Equal(4, emulator.State.Log.Entries.Count); // per gate: a filtered lookup and its rules
    }

    [Fact]
    public async Task Monitor_defaults_echoed_as_absent_plan_no_change_and_false_stays_false()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var example = Path.Combine(DdGates.Tests.Manifests.RepoFiles.Root, "examples", "gates.yaml");
        var noData = CliRunner.TempFile("""
            gates:
              - service: web
                env: prod
                rules:
                  - { name: quiet, type: monitor, options: { query: "service:web", fail_on_no_data: false, warmup: 0 } }
                  - { name: loud, type: monitor, options: { query: "service:web", fail_on_no_data: true, fail_on_no_groups_found: false } }
            """);

        foreach (var file in new[] { example, noData })
        {
            var applied = await CliRunner.RunAsync(emulator, "apply", "--config", file);
            var plan = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode");
            Assert.True(applied.ExitCode == ExitCodes.Ok, applied.ToString());
            Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
        }

        var rules = emulator.State.Store.Find("web", "prod", "default")!.Rules.ToDictionary(r => r.Name, r => r.OptionsJson);
        Assert.Equal("""{"query":"service:web","fail_on_no_data":false}""", rules["quiet"]);
        Assert.Equal("""{"query":"service:web"}""", rules["loud"]);
    }

    [Fact]
    public async Task Plan_with_detailed_exitcode_says_2_while_changes_are_pending()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Gates);

        var before = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode");
        await CliRunner.RunAsync(emulator, "apply", "--config", file);
        var after = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode");

        Assert.True(before.ExitCode == ExitCodes.ChangesPending, before.ToString());
        Assert.Contains("+ checkout/staging/default: create", before.Stdout, StringComparison.Ordinal);
        Assert.Contains("options.query: service:checkout priority:p0", before.Stdout, StringComparison.Ordinal);
        Assert.True(after.ExitCode == ExitCodes.Ok, after.ToString());
        Assert.Contains("= checkout/staging/default", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_type_change_is_planned_and_applied_as_a_replacement()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Gates), "--env", "staging");
        var changed = CliRunner.TempFile(Gates.Replace("type: faulty_deployment_detection\n        options: { duration: 900, excluded_resources: [] }",
            "type: monitor\n        options: { query: \"service:checkout\" }", StringComparison.Ordinal));
        var oldId = emulator.State.Store.Snapshot()[0].Rules.Single(r => r.Name == "FDD").Id;
        emulator.State.Log.Clear();

        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", changed, "--env", "staging");
        var apply = await CliRunner.RunAsync(emulator, "apply", "--config", changed, "--env", "staging");

        Assert.Contains("-/+ rule \"FDD\": replace (type faulty_deployment_detection -> monitor cannot be updated in place)", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("type: faulty_deployment_detection -> monitor", plan.Stdout, StringComparison.Ordinal);
        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.ToString());
        var fdd = Assert.Single(emulator.State.Store.Snapshot()[0].Rules, r => r.Name == "FDD");
        Assert.Equal("monitor", fdd.Type);
        Assert.NotEqual(oldId, fdd.Id);
        Assert.Equal(["POST", "DELETE"], emulator.Writes().Select(w => w.Method));
    }

    [Fact]
    public async Task Unmanaged_rules_are_reported_and_deleted_only_with_prune()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Gates);
        await CliRunner.RunAsync(emulator, "apply", "--config", file, "--env", "staging");
        await TestEmulator.AddRuleAsync(emulator, emulator.State.Store.Snapshot()[0].Id, Monitor("Added in the UI"));

        var kept = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--env", "staging");
        var stillThere = emulator.State.Store.Snapshot()[0].Rules.Count;
        var pruned = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--env", "staging", "--prune");

        Assert.Contains("? rule \"Added in the UI\": unmanaged (not in the file; kept (prune is off))", kept.Stdout, StringComparison.Ordinal);
        Assert.Contains("Rules: 1 unmanaged (kept).", kept.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, stillThere);
        Assert.True(pruned.ExitCode == ExitCodes.Ok, pruned.ToString());
        Assert.Contains("- rule \"Added in the UI\": delete", pruned.Stdout, StringComparison.Ordinal);
        Assert.Equal(["P0 monitors", "FDD"], emulator.State.Store.Snapshot()[0].Rules.Select(r => r.Name));
    }

    [Fact]
    public async Task Prune_in_the_file_applies_to_that_gate_only()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Gates.Replace("dry_run: {", "prune: true\n    dry_run: {", StringComparison.Ordinal));
        await CliRunner.RunAsync(emulator, "apply", "--config", file);
        foreach (var gate in emulator.State.Store.Snapshot()) await TestEmulator.AddRuleAsync(emulator, gate.Id, Monitor("extra"));

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", file);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.All(emulator.State.Store.Snapshot(), g => Assert.DoesNotContain(g.Rules, r => r.Name == "extra"));
    }

    [Fact]
    public async Task Bad_input_reports_every_problem_and_sends_nothing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "bad", "three-mistakes.yaml")));

        var run = await CliRunner.RunAsync(new Dictionary<string, string> { ["DD_API_KEY"] = " padded " },
            "apply", "--config", file, "--api-url", emulator.BaseUrl.AbsoluteUri, "--concurrency", "0");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("6 problems in the input; nothing was sent", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("DD_API_KEY: has leading or trailing whitespace", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("DD_APP_KEY / DATADOG_APP_KEY: not set", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--concurrency: must be between 1 and 64", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("padded", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    [Fact]
    public async Task Two_differing_rules_of_one_name_fail_that_gate_and_the_others_are_applied()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Gates);
        await CliRunner.RunAsync(emulator, "apply", "--config", file, "--env", "staging");
        await TestEmulator.AddRuleAsync(emulator, emulator.State.Store.Snapshot()[0].Id, Monitor("P0 monitors", "something else"));

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", file);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("! checkout/staging/default", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("rules named \"P0 monitors\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(emulator.State.Store.Snapshot(), g => g.Env == "production" && g.Rules.Count == 2);
    }

    [Fact]
    public async Task Json_output_holds_the_plan_and_the_outcome()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Gates), "--env", "production", "-o", "json");

        using var doc = JsonDocument.Parse(run.Stdout);
        var gate = doc.RootElement.GetProperty("gates").EnumerateArray().Single();
        Assert.True(doc.RootElement.GetProperty("changed").GetBoolean());
        Assert.True(doc.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal("created", gate.GetProperty("result").GetString());
        Assert.Equal(emulator.State.Store.Snapshot()[0].Id, gate.GetProperty("id").GetString());
        Assert.Equal(["created", "created"], gate.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Single_gate_from_flags_with_inline_datadog_ci_rules()
    {
        await using var emulator = await TestEmulator.StartAsync();
        const string rules = """{"dryRun": false, "rules": [{"name": "m", "type": "monitor", "options": {"query": "service:web"}}]}""";

        var run = await CliRunner.RunAsync(emulator, "apply", "--service", "web", "--env", "prod", "--identifier", "canary", "--rules", rules, "--dry-run", "true");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var gate = Assert.Single(emulator.State.Store.Snapshot());
        Assert.Equal(("web", "prod", "canary", true), (gate.Service, gate.Env, gate.Identifier, gate.DryRun));
    }

    [Fact]
    public async Task Gate_dry_run_is_toggled_in_place()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Gates));
        var flipped = CliRunner.TempFile(Gates.Replace("{ staging: false, production: true }", "{ staging: true, production: false }", StringComparison.Ordinal));
        emulator.State.Log.Clear();

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", flipped);

        Assert.Contains("~ dry_run: false -> true", run.Stdout, StringComparison.Ordinal);
        Assert.Equal([("production", false), ("staging", true)], emulator.State.Store.Snapshot().Select(g => (g.Env, g.DryRun)).Order());
        Assert.Equal(["PUT", "PUT"], emulator.Writes().Select(w => w.Method));
    }

    [Fact]
    public async Task Unknown_gate_key_parts_stay_immutable_a_new_identifier_is_a_new_gate()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Gates), "--env", "staging");

        await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Gates.Replace("env: [staging", "identifier: v2\n    env: [staging", StringComparison.Ordinal)), "--env", "staging");

        Assert.Equal(["default", "v2"], emulator.State.Store.Snapshot().Select(g => g.Identifier));
        Assert.Contains(emulator.State.Store.Snapshot(), g => g.Identifier == GateKey.DefaultIdentifier && g.Rules.Count == 2);
    }
}
