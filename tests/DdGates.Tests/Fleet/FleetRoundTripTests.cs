using System.Text.Json;
using System.Text.Json.Nodes;
using DdGates.Cli.Exit;
using DdGates.Config;
using DdGates.Exporting;
using DdGates.Model;
using DdGates.Tests.Cli;
using DdGates.Tests.Support;

namespace DdGates.Tests.Fleet;

/// <summary>
/// A fleet declared once, through the real CLI and the emulator: six gates created with the values replaced, a second
/// plan with no change, nothing sent for a misspelt placeholder, and export --fold writing the one entry back.
/// </summary>
public class FleetRoundTripTests
{
    private const string Fleet = """
        gates:
          - service: [checkout, payments, search]
            env: [staging, production]
            dry_run: { staging: false, production: true }
            rules:
              - name: "P0 monitors of {service}"
                type: monitor
                options: { query: "service:{service} env:{env} priority:p0", duration: 300 }
              - name: "Faulty deployment detection ({env})"
                type: faulty_deployment_detection
                options: { duration: 900, excluded_resources: ["GET /{service}/healthz", "GET /{service}/{env}/ready"] }
        """;

    [Fact]
    public async Task One_entry_creates_six_gates_with_the_values_replaced_and_a_second_plan_changes_nothing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Fleet);

        var apply = await CliRunner.RunAsync(emulator, "apply", "--config", file);
        var again = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode", "-o", "json");

        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.ToString());
        Assert.Contains("Applied. Gates: 6 created. Rules: 12 created.", apply.Stdout, StringComparison.Ordinal);
        var state = emulator.State.Store.Snapshot();
        Assert.Equal(6, state.Count);
        var gate = state.Single(g => g.Service == "payments" && g.Env == "production");
        Assert.True(gate.DryRun);
        Assert.Equal(["P0 monitors of payments", "Faulty deployment detection (production)"], gate.Rules.Select(r => r.Name));
        Assert.Equal("service:payments env:production priority:p0", JsonNode.Parse(gate.Rules[0].OptionsJson)!["query"]!.GetValue<string>());
        Assert.Equal("""["GET /payments/healthz","GET /payments/production/ready"]""", JsonNode.Parse(gate.Rules[1].OptionsJson)!["excluded_resources"]!.ToJsonString());
        Assert.DoesNotContain(state.SelectMany(g => g.Rules), r => r.Name.Contains('{') || r.OptionsJson.Contains('{', StringComparison.Ordinal) && r.OptionsJson.Contains("{service}", StringComparison.Ordinal));
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        using var plan = JsonDocument.Parse(again.Stdout);
        Assert.Equal(6, plan.RootElement.GetProperty("counts").GetProperty("gates").GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task The_plan_shows_each_gate_with_its_own_values()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", CliRunner.TempFile(Fleet));
        var json = await CliRunner.RunAsync(emulator, "plan", "--config", CliRunner.TempFile(Fleet), "-o", "json");

        Assert.Contains("+ search/staging/default", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("service:search env:staging priority:p0", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("GET /checkout/production/ready", plan.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("{service}", plan.Stdout + json.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"P0 monitors of search\"", json.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_placeholder_is_exit_3_with_its_line_and_nothing_is_sent()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Fleet.Replace("service:{service} env:{env}", "service:{servce} env:{env}", StringComparison.Ordinal));

        var plan = await CliRunner.RunAsync(emulator, "apply", "--config", file);

        Assert.Equal(ExitCodes.InvalidInput, plan.ExitCode);
        Assert.Contains($"{file}:8:", plan.Stderr, StringComparison.Ordinal);
        Assert.Contains("gates[0].rules[0].options.query: unknown placeholder {servce}; did you mean {service}?", plan.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    [Fact]
    public async Task The_selection_picks_among_the_gates_an_entry_declares()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var plan = await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Fleet), "--service", "payments", "--env", "staging");

        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
        var gate = Assert.Single(emulator.State.Store.Snapshot());
        Assert.Equal(("payments", "staging"), (gate.Service, gate.Env));
    }

    [Fact]
    public async Task Export_fold_of_that_organization_is_one_entry_and_plan_on_it_changes_nothing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Fleet))).ExitCode);
        var dir = TestFiles.NewDirectory("fold");

        var yaml = await CliRunner.RunAsync(emulator, "export", "--fold", "--file", Path.Combine(dir, "fleet.yaml"));
        var json = await CliRunner.RunAsync(emulator, "export", "--fold", "-o", "json", "--file", Path.Combine(dir, "fleet.json"));
        var unfolded = await CliRunner.RunAsync(emulator, "export");

        Assert.True(yaml.ExitCode == ExitCodes.Ok, yaml.ToString());
        Assert.Contains("""
            # Exported by dd-gates export: 6 gates in 1 entry.
            gates:
              - service: [checkout, payments, search]
                env: [production, staging]
                dry_run: { production: true, staging: false }
                rules:
                  - name: "P0 monitors of {service}"
                    type: monitor
                    options:
                      query: "service:{service} env:{env} priority:p0"
                      duration: 300
                  - name: "Faulty deployment detection ({env})"
                    type: faulty_deployment_detection
                    options:
                      duration: 900
                      excluded_resources: ["GET /{service}/healthz", "GET /{service}/{env}/ready"]
            """.ReplaceLineEndings("\n"), File.ReadAllText(Path.Combine(dir, "fleet.yaml")), StringComparison.Ordinal);
        Assert.Contains("6 gates in 6 entries", unfolded.Stdout, StringComparison.Ordinal);
        foreach (var name in new[] { "fleet.yaml", "fleet.json" })
        {
            var plan = await CliRunner.RunAsync(emulator, "plan", "--config", Path.Combine(dir, name), "--detailed-exitcode");
            Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
            Assert.Contains("Plan: Gates: 6 unchanged. Rules: no changes.", plan.Stdout, StringComparison.Ordinal);
        }

        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        Assert.Empty(DdGates.Tests.Contract.GatesSchema.Problems(File.ReadAllText(Path.Combine(dir, "fleet.json"))));
    }

    [Fact]
    public async Task An_organization_grown_by_clicking_folds_into_the_entries_it_really_has()
    {
        await using var emulator = await TestEmulator.StartAsync();
        JsonArray Rules() => JsonNode.Parse("""
            [{"name": "P0 {service}", "type": "monitor", "options": {"query": "service:{service} env:{env} team:{service}-owners"}},
             {"name": "FDD", "type": "faulty_deployment_detection", "options": {"excluded_resources": ["GET /{service}/health", "GET /{literal}"]}}]
            """)!.AsArray();
        var store = emulator.State.Store;
        using (var http = new HttpClient { BaseAddress = emulator.BaseUrl })
        {
            // The test control, as a script would call it.
            var seed = new JsonObject { ["services"] = new JsonArray("cart", "checkout", "payments"), ["envs"] = new JsonArray("staging", "production"),
                ["dry_run"] = new JsonObject { ["production"] = true }, ["rules"] = Rules() };
            (await http.PostAsync("_emulator/seed", new StringContent(seed.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        store.SeedFleet(["search"], ["staging"], null, new Dictionary<string, bool>(), Rules());                                          // another env set
        store.SeedFleet(["ledger"], ["staging", "production"], null, new Dictionary<string, bool>(), Rules());                            // another dry_run
        store.SeedFleet(["legacy"], ["staging", "production"], null, new Dictionary<string, bool> { ["production"] = true },
            JsonNode.Parse("""[{"name": "P0 legacy", "type": "monitor", "options": {"query": "service:legacy_app"}}]""")!.AsArray()); // other rules
        store.SeedFleet(["cart", "checkout"], ["staging"], "canary", new Dictionary<string, bool>(), Rules());                            // another identifier
        var file = Path.Combine(TestFiles.NewDirectory("clicked"), "gates.yaml");

        var export = await CliRunner.RunAsync(emulator, "export", "--fold", "--file", file);
        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode");

        Assert.True(export.ExitCode == ExitCodes.Ok, export.ToString());
        var text = File.ReadAllText(file);
        Assert.Contains("# Exported by dd-gates export: 13 gates in 5 entries.", text, StringComparison.Ordinal);
        Assert.Contains("- service: [cart, checkout, payments]\n    env: [production, staging]\n    dry_run: { production: true, staging: false }", text, StringComparison.Ordinal);
        Assert.Contains("- service: [cart, checkout]\n    env: staging\n    identifier: canary", text, StringComparison.Ordinal);
        Assert.Contains("- service: search\n    env: staging\n    rules:\n      - name: \"P0 search\"", text, StringComparison.Ordinal);   // one service: written out
        Assert.Contains("query: \"service:{service} env:{env} team:{service}-owners\"", text, StringComparison.Ordinal);
        Assert.Contains("excluded_resources: [\"GET /{service}/health\", \"GET /{{literal}}\"]", text, StringComparison.Ordinal);
        Assert.Contains("query: \"service:legacy_app\"", text, StringComparison.Ordinal);
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString() + "\n--- file\n" + text);
        Assert.Contains("Plan: Gates: 13 unchanged. Rules: no changes.", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_github_step_folds_with_its_fold_input()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Fleet))).ExitCode);
        var file = Path.Combine(TestFiles.NewDirectory("step-fold"), "fleet.yaml");

        var step = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "export", ["fold"] = "true", ["export-file"] = file });

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        Assert.Contains("6 gates in 1 entry", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Folding_keeps_every_placeholder_where_writing_one_out_would_read_back_differently()
    {
        // Overlapping values: "api-staging" is the env of one gate and the service and env of the other read alike.
        ActualGate Gate(string service, string env, string query) => new($"{service}-{env}", new GateKey(service, env, "default"), false,
            [new ActualRule("r1", "P0", "monitor", false, new MonitorQueryOptions(query, MonitorSettings.None))]);
        var gates = new[] { Gate("api", "api-staging", "api-staging"), Gate("web", "api-staging", "api-staging") };

        var file = ExportFolding.Fold(gates, acrossServices: true);

        var entry = Assert.Single(file.Entries);
        var read = DesiredStateLoader.FromGatesFile(GatesFileWriter.Yaml(file, null), "folded.yaml");
        Assert.Empty(read.Diagnostics);
        Assert.Equal(gates.Select(g => (g.Key, ((MonitorQueryOptions)g.Rules[0].Options!).Query)),
            read.Gates.Select(g => (g.Key, ((MonitorQueryOptions)g.Rules[0].Options).Query)));
        Assert.Equal(["api", "web"], entry.Services);
    }

    [Fact]
    public void A_gate_whose_literal_field_holds_a_placeholder_is_left_out_with_why()
    {
        var gate = new ActualGate("g1", new GateKey("web", "prod", "default"), false,
            [new ActualRule("r1", "F", "faulty_deployment_detection", false, new FaultyDeploymentOptions(null, null, new(["GET /{service}"])))]);

        var file = ExportFolding.Fold([gate], acrossServices: true);

        Assert.Empty(file.Entries);
        Assert.Equal("\"GET /{service}\" holds a placeholder where a gates file takes text as written", Assert.Single(file.LeftOut).Why);
    }
}
