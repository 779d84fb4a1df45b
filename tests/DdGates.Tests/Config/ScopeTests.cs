using DdGates.Config;
using DdGates.Model;

namespace DdGates.Tests.Config;

/// <summary>scope: and absent: in a gates file.</summary>
public class ScopeTests
{
    [Theory]
    [InlineData("scope: everything", 1, "expected all (the whole organization) or a mapping")]
    [InlineData("scope: {}", 1, "name services, envs or both")]
    [InlineData("scope: { services: [] }", 1, "must name at least one value")]
    [InlineData("scope: { service: [web] }", 1, "unknown field; did you mean \"services\"?")]
    [InlineData("scope: { envs: [prod, \"a b\"] }", 1, "must not contain spaces")]
    public void A_bad_scope_is_reported_with_its_line(string scope, int line, string message)
    {
        var state = DesiredStateLoader.FromGatesFile(scope + "\ngates: []\n", "gates.yaml");

        var problem = Assert.Single(state.Diagnostics);
        Assert.Equal(line, ((InFile)problem.Where).Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_needs_only_the_key_and_gives_one_gate_to_delete_per_env()
    {
        var state = DesiredStateLoader.FromGatesFile("""
            scope: { services: [web] }
            gates:
              - { service: web, env: [staging, prod], identifier: canary, absent: true }
            """, "gates.yaml");

        Assert.True(state.IsValid, string.Join("\n", state.Diagnostics));
        Assert.Equal(["web/staging/canary", "web/prod/canary"], state.Gates.Select(g => g.Key.ToString()));
        Assert.All(state.Gates, g => Assert.True(g.Absent));
        Assert.Equal(["web"], state.Scope!.Services);
        Assert.Null(state.Scope.Envs);
    }

    [Fact]
    public void The_prune_scope_exists_only_with_prune_on_and_follows_the_selection()
    {
        var state = DesiredStateLoader.FromGatesFile("""
            scope: all
            gates: [{ service: web, env: [staging, prod] }]
            """, "gates.yaml");

        var selected = state.Select(null, "prod", null, "gates.yaml");

        Assert.Null(selected.PruneScope);
        var scope = selected.WithPrune(true).PruneScope!;
        Assert.True(scope.Contains(new GateKey("other", "prod", "x")));
        Assert.False(scope.Contains(new GateKey("web", "staging", "default")));
    }
}
