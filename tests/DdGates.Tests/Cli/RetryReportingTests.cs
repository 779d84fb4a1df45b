using DdGates.Cli.Exit;
using DdGates.Tests.Support;

namespace DdGates.Tests.Cli;

/// <summary>A retried 429 or 5xx is detail for whoever turns step debugging on; only a run it slowed noticeably earns a warning.</summary>
public class RetryReportingTests
{
    private const string Gates = "gates:\n  - service: web\n    env: prod\n    rules:\n      - { name: P0, type: monitor, options: { query: \"service:web\" } }\n";

    [Fact]
    public async Task A_retried_503_is_a_debug_line_not_a_warning_annotation()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.ScriptFaults("GET /api/v2/deployment_gates", "503");

        var step = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "plan", ["config"] = CliRunner.TempFile(Gates) });

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        Assert.DoesNotContain(step.Commands, c => c.Command == "warning");
        Assert.Contains(step.Commands, c => c.Command == "debug" && c.Data.Contains("503", StringComparison.Ordinal) && c.Data.Contains("retry 1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retries_that_slow_the_run_noticeably_are_one_warning_that_says_by_how_much()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.ScriptFaults("GET /api/v2/deployment_gates", "503", "500");
        var patient = TestEmulator.FastRetries with { NoticeableWait = TimeSpan.Zero };

        var step = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "plan", ["config"] = CliRunner.TempFile(Gates) }, retry: patient);

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        var warning = Assert.Single(step.Commands, c => c.Command == "warning");
        Assert.Matches(@"^Datadog was slow to answer: 2 retries \(429 or 5xx answers, timeouts\) added [0-9.]+ s of waiting to this run$", warning.Data);
    }
}
