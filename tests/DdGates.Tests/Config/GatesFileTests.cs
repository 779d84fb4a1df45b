using DdGates.Cli.Inputs;
using DdGates.Config;
using DdGates.Model;

namespace DdGates.Tests.Config;

public class GatesFileTests
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));

    [Fact]
    public void Example_expands_one_gate_per_env_with_dry_run_resolved_per_env()
    {
        var state = DesiredStateLoader.FromGatesFile(Example("gates.yaml"), "gates.yaml");

        Assert.True(state.IsValid, string.Join("\n", state.Diagnostics));
        var staging = state.Gates.Single(g => g.Key == new GateKey("checkout", "staging", "pre-deploy"));
        var production = state.Gates.Single(g => g.Key == new GateKey("checkout", "production", "pre-deploy"));
        Assert.False(staging.DryRun);
        Assert.True(production.DryRun);
        Assert.Equal(["P0 monitors", "Faulty deployment detection"], staging.Rules.Select(r => r.Name));
        Assert.Equal(GateKey.DefaultIdentifier, state.Gates.Single(g => g.Key.Service == "payments").Key.Identifier);
    }

    [Fact]
    public void Monitor_ids_rule_keeps_ids_groups_and_newer_options()
    {
        var state = DesiredStateLoader.FromGatesFile(Example("gates.yaml"), "gates.yaml");

        var options = Assert.IsType<MonitorIdsOptions>(state.Gates.Single(g => g.Key.Service == "payments").Rules.Single().Options);
        Assert.Equal(["12345", "67890"], options.MonitorIds.Select(m => m.Id));
        Assert.Equal(["region:us-east-1"], options.MonitorIds[0].Groups);
        Assert.Equal(120, options.Settings.Warmup);
        Assert.True(options.Settings.FailOnNoData);
    }

    [Fact]
    public void Json_gates_file_reads_like_yaml_with_line_numbers()
    {
        const string json = "{\n  \"gates\": [\n    {\"service\": \"web\", \"env\": \"prod\", \"rules\": [\n\t{\"name\": \"a\", \"type\": \"monitor\"}]}\n  ]\n}";

        var state = DesiredStateLoader.FromGatesFile(json, "gates.json");

        var problem = Assert.Single(state.Diagnostics);
        Assert.Equal(4, Assert.IsType<InFile>(problem.Where).Line);
        Assert.Equal("gates[0].rules[0].options.query", problem.Path);
    }

    [Fact]
    public void Datadog_ci_configuration_is_accepted_unchanged_as_a_rules_file()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "good", "datadog-ci-config.json"));

        var state = DesiredStateLoader.FromInputs("transaction-backend", "prod", null, null, text, "gate.json");

        var gate = Assert.Single(state.Gates);
        Assert.True(gate.DryRun);
        Assert.Equal(new GateKey("transaction-backend", "prod", "default"), gate.Key);
        Assert.Equal([RuleType.Monitor, RuleType.FaultyDeploymentDetection], gate.Rules.Select(r => r.Type));
        Assert.True(gate.Rules[1].DryRun);
    }

    [Fact]
    public void Dry_run_flag_overrides_the_rules_file()
    {
        var state = DesiredStateLoader.FromInputs("web", "prod", "canary", false, "{\"dryRun\": true, \"rules\": []}", "inline");

        Assert.False(Assert.Single(state.Gates).DryRun);
        Assert.Equal("canary", state.Gates[0].Key.Identifier);
    }

    [Fact]
    public void Names_Datadog_may_accept_are_left_for_Datadog_to_judge()
    {
        var state = DesiredStateLoader.FromGatesFile("""
            gates:
              - { service: 3ds-gateway, env: prod }
              - { service: Checkout, env: "caf\u00e9", identifier: "-x;y" }
            """, "gates.yaml");

        Assert.True(state.IsValid, string.Join("\n", state.Diagnostics));
        Assert.Equal(["3ds-gateway/prod/default", "Checkout/café/-x;y"], state.Gates.Select(g => g.Key.ToString()));
    }

    [Fact]
    public void A_dry_run_map_may_name_only_some_envs_and_the_others_enforce()
    {
        var state = DesiredStateLoader.FromGatesFile("""
            gates:
              - service: web
                env: [dev, staging, production]
                dry_run: { production: true }
                rules:
                  - { name: fdd, type: faulty_deployment_detection, dry_run: { dev: true } }
            """, "gates.yaml");

        Assert.True(state.IsValid, string.Join("\n", state.Diagnostics));
        Assert.Equal([("dev", false, true), ("staging", false, false), ("production", true, false)],
            state.Gates.Select(g => (g.Key.Env, g.DryRun, g.Rules[0].DryRun)));
    }

    [Fact]
    public void Flags_are_checked_like_file_values()
    {
        var state = DesiredStateLoader.FromInputs("my web", null, null, null, "[]", "inline");

        Assert.Equal(["--service: must not contain spaces or control characters, found a space in \"my web\"", "--env: required when no gates file is given"],
            state.Diagnostics.Select(d => d.Describe(InputNames.CommandLine.Of)));
        Assert.Equal(["service: must not contain spaces or control characters, found a space in \"my web\"", "env: required when no gates file is given"],
            state.Diagnostics.Select(d => d.Describe(InputNames.GitHub.Of)));
    }

    [Fact]
    public void Selection_filters_gates_and_an_empty_selection_is_a_problem()
    {
        var state = DesiredStateLoader.FromGatesFile(Example("gates.yaml"), "gates.yaml");

        Assert.Equal(2, state.Select("checkout", null, null, "gates.yaml").Gates.Count);
        Assert.Single(state.Select("checkout", "production", null, "gates.yaml").Gates);
        var none = state.Select("nope", null, null, "gates.yaml");
        Assert.Contains("no gate matches service nope", Assert.Single(none.Diagnostics).Message);
    }

    [Fact]
    public void Alias_bombs_stop_with_a_clear_message()
    {
        // 300 gates x 300 rules x 300 resources through aliases: 27 million values from a 300 KB file.
        static string Many(string item) => "[" + string.Join(", ", Enumerable.Repeat(item, 300)) + "]";
        var text = string.Join("\n",
            "x: &res " + Many("GET /x"),
            "r: &rule {name: a, type: faulty_deployment_detection, options: {excluded_resources: *res}}",
            "rs: &rules " + Many("*rule"),
            "g: &gate {service: web, env: prod, rules: *rules}",
            "gates: " + Many("*gate"));

        var state = DesiredStateLoader.FromGatesFile(text, "bomb.yaml");

        Assert.Contains(state.Diagnostics, d => d.Message.Contains("expands to more than", StringComparison.Ordinal));
        Assert.Empty(state.Gates);
    }
}
