using System.Text.Json;
using DdGates.Cli.Exit;
using DdGates.Tests.Support;

namespace DdGates.Tests.Cli;

/// <summary>plan-hash and apply --expect-plan: apply carries out the reviewed plan, or writes nothing.</summary>
public class ExpectPlanTests
{
    private const string Gates = """
        gates:
          - service: checkout
            env: production
            rules:
              - { name: P0, type: monitor, options: { query: "service:checkout", duration: 300 } }
        """;

    [Fact]
    public async Task Apply_with_the_reviewed_hash_applies_and_a_stale_hash_writes_nothing_and_exits_1()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Gates);
        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", file, "-o", "json");
        var hash = Hash(plan);

        // Between review and apply, someone changes the file: the plan is no longer the one reviewed.
        var changed = CliRunner.TempFile(Gates.Replace("duration: 300", "duration: 600", StringComparison.Ordinal));
        emulator.State.Log.Clear();
        var stale = await CliRunner.RunAsync(emulator, "apply", "--config", changed, "--expect-plan", hash);
        Assert.Equal(ExitCodes.Failed, stale.ExitCode);
        Assert.Contains($"error: the plan is not the one reviewed (expected hash {hash}, now ", stale.Stderr, StringComparison.Ordinal);
        Assert.Contains("options.duration: 600", stale.Stdout, StringComparison.Ordinal); // what apply would do now, shown
        Assert.Empty(emulator.Writes());

        var reviewed = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--expect-plan", hash.ToUpperInvariant());
        Assert.True(reviewed.ExitCode == ExitCodes.Ok, reviewed.ToString());
        Assert.NotNull(emulator.State.Store.Find("checkout", "production", "default"));
    }

    [Fact]
    public async Task The_hash_covers_the_changes_only_so_it_is_stable_across_runs_and_ids()
    {
        await using var first = await TestEmulator.StartAsync();
        await using var second = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Gates);
        await CliRunner.RunAsync(second, "apply", "--config", CliRunner.TempFile(Gates.Replace("duration: 300", "duration: 60", StringComparison.Ordinal)));

        var a = Hash(await CliRunner.RunAsync(first, "plan", "--config", file, "-o", "json"));
        var b = Hash(await CliRunner.RunAsync(first, "plan", "--config", file, "-o", "json"));
        var update = Hash(await CliRunner.RunAsync(second, "plan", "--config", file, "-o", "json"));

        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{12}$", a);
        Assert.NotEqual(a, update); // a create and an update of the same rule are different operations
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zzzzzzzzzzzz")]
    public async Task A_malformed_hash_is_invalid_input(string hash)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Gates), "--expect-plan", hash);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"--expect-plan: expected the 12 hex digits of a plan-hash, found \"{hash}\"", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    private static string Hash(CliRun run)
    {
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.GetProperty("plan_hash").GetString()!;
    }
}
