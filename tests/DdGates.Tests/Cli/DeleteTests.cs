using System.Text.Json;
using DdGates.Cli.Exit;
using DdGates.Emulator;
using DdGates.Planning;
using DdGates.Tests.Support;

namespace DdGates.Tests.Cli;

/// <summary>Deleting gates: absent entries, and --prune inside a declared scope. CLI in process, real HTTP, emulator state checked.</summary>
public class DeleteTests
{
    /// <summary>checkout and payments in staging and production, and a gate of another team.</summary>
    private const string Everything = """
        gates:
          - service: checkout
            env: [staging, production]
            rules: [{ name: P0, type: monitor, options: { query: "service:checkout" } }]
          - service: payments
            env: [staging, production]
            rules: [{ name: P0, type: monitor, options: { query: "service:payments" } }]
          - service: search
            env: production
            rules: [{ name: P0, type: monitor, options: { query: "service:search" } }]
        """;

    [Fact]
    public async Task An_absent_entry_deletes_its_gates_and_nothing_else()
    {
        await using var emulator = await Seeded();
        var file = CliRunner.TempFile("""
            gates:
              - service: payments
                env: [staging, production]
                absent: true
            """);

        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", file);
        var apply = await CliRunner.RunAsync(emulator, "apply", "--config", file, "-o", "json");
        var again = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode");

        Assert.Contains("- payments/production/default", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("delete gate (absent: true (gates[0]))", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("- rule \"P0\": deleted with the gate", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("Plan: Gates: 2 to delete. Rules: 2 to delete.", plan.Stdout, StringComparison.Ordinal);
        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.ToString());
        using var json = JsonDocument.Parse(apply.Stdout);
        Assert.All(json.RootElement.GetProperty("gates").EnumerateArray(), g =>
        {
            Assert.Equal("delete", g.GetProperty("action").GetString());
            Assert.Equal("deleted", g.GetProperty("result").GetString());
        });
        Assert.Equal(["checkout/production", "checkout/staging", "search/production"], Keys(emulator));
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("absent (nothing to delete)", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_deletes_unlisted_gates_inside_the_scope_and_never_outside()
    {
        await using var emulator = await Seeded();
        var file = CliRunner.TempFile("""
            scope: { services: [checkout, payments] }
            gates:
              - service: checkout
                env: [staging, production]
                rules: [{ name: P0, type: monitor, options: { query: "service:checkout" } }]
              - service: payments
                env: staging
                rules: [{ name: P0, type: monitor, options: { query: "service:payments" } }]
            """);

        var withoutPrune = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode");
        var applied = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--prune");

        Assert.Equal(ExitCodes.Ok, withoutPrune.ExitCode); // no scope deletion without prune
        Assert.True(applied.ExitCode == ExitCodes.Ok, applied.ToString());
        Assert.Contains("- payments/production/default: deleted", applied.Stderr, StringComparison.Ordinal);
        Assert.Equal(["checkout/production", "checkout/staging", "payments/staging", "search/production"], Keys(emulator));
    }

    [Fact]
    public async Task The_selection_narrows_the_scope()
    {
        await using var emulator = await Seeded();
        var file = CliRunner.TempFile("""
            scope: all
            gates:
              - service: checkout
                env: staging
                rules: [{ name: P0, type: monitor, options: { query: "service:checkout" } }]
            """);

        var applied = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--prune", "--env", "staging");

        Assert.True(applied.ExitCode == ExitCodes.Ok, applied.ToString());
        // payments/staging is pruned; every production gate lies outside the selection, listed or not.
        Assert.Equal(["checkout/production", "checkout/staging", "payments/production", "search/production"], Keys(emulator));
    }

    [Fact]
    public async Task A_delete_whose_answer_was_lost_is_retried_and_its_404_counts_as_done()
    {
        await using var emulator = await Seeded();
        emulator.State.ScriptFaults("DELETE /api/v2/deployment_gates/*", "500-after");
        var file = CliRunner.TempFile("""
            gates:
              - { service: search, env: production, absent: true }
            """);

        var applied = await CliRunner.RunAsync(emulator, "apply", "--config", file);

        Assert.True(applied.ExitCode == ExitCodes.Ok, applied.ToString());
        Assert.Contains("- search/production/default: deleted (with its 1 rule) [it was already gone]", applied.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, emulator.State.Log.Entries.Count(e => e.Method == "DELETE"));
        Assert.DoesNotContain("search/production", Keys(emulator));
    }

    [Fact]
    public async Task A_gate_outside_the_scope_is_refused_before_anything_is_sent()
    {
        await using var emulator = await Seeded();
        emulator.State.Log.Clear();
        var file = CliRunner.TempFile("""
            scope: { services: [checkout], envs: [staging] }
            gates:
              - { service: checkout, env: [staging, production], rules: [] }
              - { service: search, env: production, absent: true }
            """);

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--prune");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("gate checkout/production/default is outside the file's scope (services checkout; envs staging)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("gate search/production/default is outside the file's scope", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    private static async Task<DdGates.Emulator.EmulatorHost> Seeded()
    {
        var emulator = await TestEmulator.StartAsync();
        var seeded = await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Everything));
        Assert.True(seeded.ExitCode == ExitCodes.Ok, seeded.ToString());
        emulator.State.Log.Clear();
        return emulator;
    }

    private static List<string> Keys(DdGates.Emulator.EmulatorHost emulator) =>
        [.. emulator.State.Store.Snapshot().Select(g => $"{g.Service}/{g.Env}").Order(StringComparer.Ordinal)];
}
