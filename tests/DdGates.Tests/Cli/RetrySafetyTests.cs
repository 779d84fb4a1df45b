using DdGates.Cli.Exit;
using DdGates.Tests.Support;

namespace DdGates.Tests.Cli;

/// <summary>Retries never make a second gate or rule, even when the server acted and the answer was lost.</summary>
public class RetrySafetyTests
{
    private const string OneGate = """
        gates:
          - service: web
            env: prod
            rules:
              - { name: a, type: monitor, options: { query: "service:web" } }
              - { name: b, type: faulty_deployment_detection }
        """;

    [Theory]
    [InlineData("500-after")]
    [InlineData("drop-after")]
    [InlineData("503")]
    public async Task Gate_create_whose_answer_is_lost_adopts_the_gate(string fault)
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.ScriptFaults("POST /api/v2/deployment_gates", fault);

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(OneGate));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var gate = Assert.Single(emulator.State.Store.Snapshot());
        Assert.Equal(["a", "b"], gate.Rules.Select(r => r.Name));
    }

    [Theory]
    [InlineData("500-after")]
    [InlineData("drop-after")]
    public async Task Rule_create_whose_answer_is_lost_is_adopted_not_repeated(string fault)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(OneGate);
        // The first rule create makes the rule and loses the answer.
        emulator.State.ScriptFaults("POST /api/v2/deployment_gates/*/rules", fault);

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--concurrency", "1");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("outcome unknown", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], Assert.Single(emulator.State.Store.Snapshot()).Rules.Select(r => r.Name));
    }

    [Fact]
    public async Task Rule_create_refused_before_handling_is_simply_retried()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.ScriptFaults("POST /api/v2/deployment_gates/*/rules", "503");

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(OneGate), "--concurrency", "1");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(["a", "b"], Assert.Single(emulator.State.Store.Snapshot()).Rules.Select(r => r.Name));
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_retries_is_reported_exactly_and_a_rerun_converges()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { RateLimitResetSeconds = 0 });
        var file = CliRunner.TempFile(OneGate);
        // Rule "a" is created; rule "b" is rate limited 6 times: more than the 5 retries.
        emulator.State.ScriptFaults("POST /api/v2/deployment_gates/*/rules", "none", "429", "429", "429", "429", "429", "429");

        var failed = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--concurrency", "1");
        var rerun = await CliRunner.RunAsync(emulator, "apply", "--config", file);

        Assert.True(failed.ExitCode == ExitCodes.Failed, failed.ToString());
        Assert.Contains("ok   rule \"a\" created", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains("FAIL rule \"b\" (create)", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Run the same command again", failed.Stdout, StringComparison.Ordinal);
        Assert.True(rerun.ExitCode == ExitCodes.Ok, rerun.ToString());
        Assert.Equal(["a", "b"], Assert.Single(emulator.State.Store.Snapshot()).Rules.Select(r => r.Name));
    }
}
