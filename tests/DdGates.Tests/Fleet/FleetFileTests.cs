using DdGates.Config;
using DdGates.Model;

namespace DdGates.Tests.Fleet;

/// <summary>One entry for many services: lists of services and envs, and placeholders replaced per gate, checked before anything is sent.</summary>
public class FleetFileTests
{
    private const string Fleet = """
        gates:
          - service: [checkout, payments, search]
            env: [staging, production]
            identifier: pre
            dry_run: { production: true }
            rules:
              - name: "P0 {service} in {env}"
                type: monitor
                dry_run: { staging: true }
                options: { query: "service:{service} env:{env} team:{identifier} tag:{{literal}}", duration: 300 }
              - name: Faulty deployment detection
                type: faulty_deployment_detection
                options: { excluded_resources: ["GET /{service}/health", "GET /{{id}}"] }
        """;

    [Fact]
    public void An_entry_of_three_services_and_two_envs_declares_six_gates_with_the_values_replaced()
    {
        var read = DesiredStateLoader.FromGatesFile(Fleet, "fleet.yaml");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(
            ["checkout/staging/pre", "checkout/production/pre", "payments/staging/pre", "payments/production/pre", "search/staging/pre", "search/production/pre"],
            read.Gates.Select(g => g.Key.ToString()));
        var payments = read.Gates.Single(g => g.Key.ToString() == "payments/production/pre");
        Assert.True(payments.DryRun);
        var p0 = payments.Rules[0];
        Assert.Equal("P0 payments in production", p0.Name);
        Assert.False(p0.DryRun);
        Assert.Equal("service:payments env:production team:pre tag:{literal}", Assert.IsType<MonitorQueryOptions>(p0.Options).Query);
        Assert.Equal(["GET /payments/health", "GET /{id}"], Assert.IsType<FaultyDeploymentOptions>(payments.Rules[1].Options).ExcludedResources!);
        var staging = read.Gates.Single(g => g.Key.ToString() == "search/staging/pre");
        Assert.False(staging.DryRun);
        Assert.True(staging.Rules[0].DryRun);
    }

    [Theory]
    [InlineData("name: \"P0 {servce}\"", 5, "gates[0].rules[0].name: unknown placeholder {servce}; did you mean {service}?")]
    [InlineData("name: \"P0 {service\"", 5, "gates[0].rules[0].name: the { at character 4 is never closed")]
    [InlineData("name: \"P0 service}\"", 5, "gates[0].rules[0].name: a } at character 11 closes no placeholder")]
    [InlineData("name: \"P0 {}\"", 5, "gates[0].rules[0].name: unknown placeholder {}")]
    [InlineData("name: P0\n        options: { query: \"service:{sevice}\" }", 6, "gates[0].rules[0].options.query: unknown placeholder {sevice}; did you mean {service}?")]
    public void A_misspelt_unclosed_or_stray_placeholder_is_a_problem_at_its_line(string rule, int line, string message)
    {
        var options = rule.Contains("options", StringComparison.Ordinal) ? "" : "\n        options: { query: \"service:{service}\" }";
        var text = $"gates:\n  - service: [web, api]\n    env: prod\n    rules:\n      - {rule}{options}\n        type: monitor\n";

        var read = DesiredStateLoader.FromGatesFile(text, "bad.yaml");

        var problem = Assert.Single(read.Diagnostics);
        Assert.StartsWith(message, problem.PathAndMessage, StringComparison.Ordinal);
        Assert.Equal(line, problem.Location!.Line);
        Assert.Empty(read.Gates);
    }

    [Theory]
    [InlineData("service: \"{service}\"", "gates[0].service: {service} is not replaced here")]
    [InlineData("service: [web, \"{env}\"]", "gates[0].service[1]: {env} is not replaced here")]
    [InlineData("identifier: \"{service}-blue\"", "gates[0].identifier: {service} is not replaced here")]
    [InlineData("rules: [{ name: F, type: faulty_deployment_detection, options: { allowed_resources: [\"GET /{service}\"] } }]", "allowed_resources[0]: {service} is not replaced here: placeholders work only in a rule's name, options.query and options.excluded_resources")]
    [InlineData("rules: [{ name: M, type: monitor, options: { monitor_ids: [{ id: \"1\", groups: [\"env:{env}\"] }] } }]", "groups[0]: {env} is not replaced here")]
    public void A_placeholder_in_a_field_that_takes_none_is_a_problem(string field, string message)
    {
        var entry = field.StartsWith("service", StringComparison.Ordinal) ? $"{field}\n    env: prod" : $"service: web\n    env: prod\n    {field}";

        var read = DesiredStateLoader.FromGatesFile($"gates:\n  - {entry}\n", "bad.yaml");

        Assert.Contains(read.Diagnostics, d => d.PathAndMessage.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Literal_braces_stay_as_written_where_no_placeholder_is_taken()
    {
        var read = DesiredStateLoader.FromGatesFile(
            "gates:\n  - service: web\n    env: prod\n    rules: [{ name: F, type: faulty_deployment_detection, options: { allowed_resources: [\"GET /{id}\"] } }]\n", "ok.yaml");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(["GET /{id}"], Assert.IsType<FaultyDeploymentOptions>(read.Gates[0].Rules[0].Options).AllowedResources!);
    }

    [Fact]
    public void Two_entries_that_declare_the_same_gate_are_a_problem_naming_both_lines()
    {
        var read = DesiredStateLoader.FromGatesFile("""
            gates:
              - service: [checkout, payments]
                env: [staging, production]
              - service: payments
                env: production
              - service: [search, search]
                env: prod
            """, "twice.yaml");

        Assert.Equal(2, read.Diagnostics.Count);
        var twice = read.Diagnostics[0];
        Assert.Equal(4, twice.Location!.Line);
        Assert.Equal("gates[1]: gate payments/production/default is already declared by gates[0] (line 2)", twice.PathAndMessage);
        Assert.Equal("gates[2].service[1]: \"search\" is listed twice", read.Diagnostics[1].PathAndMessage);
    }

    [Fact]
    public void Rule_names_are_checked_once_replaced_for_each_gate()
    {
        var read = DesiredStateLoader.FromGatesFile($$"""
            gates:
              - service: [web, api, payments-platform-service]
                env: prod
                rules:
                  - { name: "P0-{service}", type: monitor, options: { query: q } }
                  - { name: P0-api, type: monitor, options: { query: q } }
                  - { name: "{{new string('x', 190)}}-{service}", type: monitor, options: { query: q } }
            """, "names.yaml");

        Assert.Equal(2, read.Diagnostics.Count);
        Assert.Contains(read.Diagnostics, d => d.Location!.Line == 6 && d.PathAndMessage == "gates[0].rules[1].name: for api/prod/default: \"P0-api\" is already used by gates[0].rules[0]; rule names must be unique within a gate");
        Assert.Contains(read.Diagnostics, d => d.Location!.Line == 7 && d.PathAndMessage.StartsWith("gates[0].rules[2].name: for payments-platform-service/prod/default: ", StringComparison.Ordinal)
            && d.PathAndMessage.EndsWith("must be at most 200 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void One_gate_from_flags_replaces_the_placeholders_of_its_rules_file()
    {
        var read = DesiredStateLoader.FromInputs("checkout", "staging", null, null,
            """{"rules":[{"name":"P0 {service}","type":"monitor","options":{"query":"service:{service} env:{env}"}}]}""", "rules.json");

        Assert.Empty(read.Diagnostics);
        var rule = Assert.Single(Assert.Single(read.Gates).Rules);
        Assert.Equal("P0 checkout", rule.Name);
        Assert.Equal("service:checkout env:staging", Assert.IsType<MonitorQueryOptions>(rule.Options).Query);
    }

    [Theory]
    [InlineData("service:{service} env:{env}", "service:web env:prod")]
    [InlineData("{{service}}", "{service}")]
    [InlineData("{{{service}}}", "{web}")]
    [InlineData("a}}b{{c", "a}b{c")]
    [InlineData("no braces", "no braces")]
    [InlineData("{identifier}/{env}/{service}", "blue/prod/web")]
    public void Expansion_replaces_placeholders_and_halves_doubled_braces(string template, string expanded)
    {
        Assert.Null(Placeholders.Problem(template, (_, _) => null));
        Assert.Equal(expanded, Placeholders.Expand(template, new GateKey("web", "prod", "blue")));
    }

    [Theory]
    [InlineData("service:checkout env:production", "service:{service} env:{env}")]
    [InlineData("GET /checkout/health", "GET /{service}/health")]
    [InlineData("checkout_db checkoutx xcheckout", "checkout_db checkoutx xcheckout")]
    [InlineData("checkout-production", "{service}-{env}")]
    [InlineData("literal {brace}", "literal {{brace}}")]
    [InlineData("production-checkout: {checkout}", "{env}-{service}: {{{service}}}")]
    public void A_literal_text_becomes_a_template_that_expands_back_to_it(string text, string template)
    {
        var key = new GateKey("checkout", "production", "default");

        var made = Placeholders.Templatize(text, [("service", key.Service), ("env", key.Env)]);

        Assert.Equal(template, made);
        Assert.Equal(text, Placeholders.Expand(made, key));
    }
}
