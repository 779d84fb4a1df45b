using System.Text.Json;
using static DdGates.Tests.Support.Rules;
using DdGates.Cli.Exit;
using DdGates.Config;
using DdGates.Planning;
using DdGates.Tests.Support;

namespace DdGates.Tests.Exporting;

/// <summary>dd-gates export: what it writes reads back as the same gates, so plan with it shows no change.</summary>
public class ExportTests
{
    [Theory]
    [InlineData(1, "yaml")]
    [InlineData(2, "yaml")]
    [InlineData(3, "json")]
    public async Task Export_then_plan_shows_no_change_for_a_generated_org(int seed, string format)
    {
        await using var emulator = await TestEmulator.StartAsync();
        int gates;
        using (var client = TestEmulator.Client(emulator)) gates = await new OrgGenerator(seed).CreateAsync(client, 220);
        var file = Path.Combine(TestFiles.NewDirectory("export"), $"gates.{format}");

        var export = await CliRunner.RunAsync(emulator, ["export", "--file", file, .. format == "json" ? new[] { "-o", "json" } : []]);
        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode");

        Assert.True(export.ExitCode == ExitCodes.Ok, export.ToString());
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString() + "\n--- file\n" + File.ReadAllText(file));
        var read = DesiredStateLoader.FromGatesFile(File.ReadAllText(file), file);
        Assert.Equal(gates, read.Gates.Count);
        Assert.Contains($"Plan: Gates: {gates} unchanged. Rules: no changes.", plan.Stdout, StringComparison.Ordinal);
        Assert.Empty(SchemaProblems(File.ReadAllText(file)));
    }

    /// <summary>What the editor schema (schema/gates.schema.json) finds wrong with a gates file.</summary>
    private static IReadOnlyList<string> SchemaProblems(string text) =>
        text.TrimStart().StartsWith('{') ? DdGates.Tests.Contract.GatesSchema.Problems(text) : DdGates.Tests.Contract.GatesSchema.ProblemsOfYaml(text);

    [Fact]
    public async Task Gates_that_differ_only_by_env_fold_into_one_entry_with_a_per_env_dry_run()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using (var client = TestEmulator.Client(emulator))
        {
            foreach (var (env, dryRun) in new[] { ("staging", false), ("production", true) })
            {
                var gate = await client.CreateGateAsync(new("checkout", env, "default"), dryRun, default);
                await client.CreateRuleAsync(gate.Id, Monitor("P0", dryRun: env == "production"), default);
                await client.CreateRuleAsync(gate.Id, Faulty("FDD"), default);
            }
        }

        var run = await CliRunner.RunAsync(emulator, "export");
        var asAction = await CliRunner.RunAsync(new Dictionary<string, string>(CliRunner.Keys) { ["GITHUB_ACTION_REPOSITORY"] = "acme/dd-gates-action", ["GITHUB_ACTION_REF"] = "v1.4.0" },
            "export", "--api-url", emulator.BaseUrl.AbsoluteUri);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        // A build that does not know where it is published guesses no address; run as the action, it knows.
        Assert.StartsWith("# Exported by dd-gates export: 2 gates in 1 entry.", run.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("# yaml-language-server: $schema=https://raw.githubusercontent.com/acme/dd-gates-action/v1.4.0/schema/gates.schema.json\n", asAction.Stdout, StringComparison.Ordinal);
        Assert.Contains("""
            gates:
              - service: checkout
                env: [production, staging]
                dry_run: { production: true, staging: false }
                rules:
                  - name: P0
                    type: monitor
                    dry_run: { production: true, staging: false }
                    options:
                      query: "service:web"
                  - name: FDD
                    type: faulty_deployment_detection
            """.ReplaceLineEndings("\n"), run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gate_with_two_rules_of_one_name_is_left_out_named_and_exits_1_after_writing_the_rest()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using (var client = TestEmulator.Client(emulator))
        {
            var twice = await client.CreateGateAsync(new("checkout", "prod", "default"), false, default);
            await client.CreateRuleAsync(twice.Id, Monitor("P0"), default);
            await client.CreateRuleAsync(twice.Id, Monitor("P0"), default);
            var fine = await client.CreateGateAsync(new("payments", "prod", "default"), false, default);
            await client.CreateRuleAsync(fine.Id, Monitor("P0"), default);
        }

        var run = await CliRunner.RunAsync(emulator, "export", "-o", "json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("left out checkout/prod/default: it holds two or more rules named \"P0\"", run.Stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["payments"], doc.RootElement.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("service").GetString()));
        var yaml = await CliRunner.RunAsync(emulator, "export");
        Assert.Contains("# Left out: checkout/prod/default: it holds two or more rules named \"P0\"", yaml.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_selection_exports_only_matching_gates()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using (var client = TestEmulator.Client(emulator))
        {
            foreach (var service in new[] { "checkout", "payments" }) await client.CreateGateAsync(new(service, "prod", "default"), false, default);
        }

        var run = await CliRunner.RunAsync(emulator, "export", "--service", "payments", "-o", "json");

        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("payments", Assert.Single(doc.RootElement.GetProperty("gates").EnumerateArray().ToList()).GetProperty("service").GetString());
    }
}
