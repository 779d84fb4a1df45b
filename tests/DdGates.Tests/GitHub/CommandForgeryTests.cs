using DdGates.Cli.Exit;
using DdGates.Emulator;
using DdGates.Tests.Cli;
using DdGates.Tests.Support;

namespace DdGates.Tests.GitHub;

/// <summary>
/// Text from a gates file or a server that holds a workflow command on a line of its own (after \n or a lone \r) or the older
/// <c>##[command]</c> form: read as the runner reads the log (<see cref="RunnerWorkflowCommands"/>), it forges nothing, through
/// plan, validate's errors and evaluate, as the action and as the CLI in a workflow's run step.
/// </summary>
public class CommandForgeryTests
{
    private const string Forged = "\n::warning file=README.md,line=1::forged\r::add-mask::service\n  ::error::forged too ##[add-mask]web";

    private static readonly string Gates = "gates:\n  - service: web\n    env: prod\n    rules:\n" +
        $"      - {{ name: P0, type: monitor, options: {{ query: {Quoted("service:web" + Forged)} }} }}\n";

    [Fact]
    public async Task Values_in_the_plan_forge_no_command_as_the_action_or_as_the_cli_in_a_run_step()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(Gates);

        var step = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "plan", ["config"] = file });
        var cli = await CliRunner.RunAsync(new Dictionary<string, string>(CliRunner.Keys) { ["GITHUB_ACTIONS"] = "true" },
            "plan", "--config", file, "--api-url", emulator.BaseUrl.AbsoluteUri);

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        Assert.Contains("::error::forged too", step.Stdout, StringComparison.Ordinal); // shown as written...
        AssertNothingForged(step.Stdout);                                             // ...and taken for nothing
        Assert.True(cli.ExitCode == ExitCodes.Ok, cli.ToString());
        AssertNothingForged(cli.Stdout + "\n" + cli.Stderr);
    }

    [Fact]
    public async Task A_field_name_in_a_validation_error_forges_no_command()
    {
        var file = CliRunner.TempFile($"gates:\n  - service: web\n    env: prod\n    {Quoted("rule" + Forged)}: []\n");

        var cli = await CliRunner.RunAsync(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, "validate", "--config", file);
        await using var emulator = await TestEmulator.StartAsync();
        var step = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "plan", ["config"] = file });

        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        AssertNothingForged(cli.Stdout + "\n" + cli.Stderr);
        Assert.Equal(ExitCodes.InvalidInput, step.ExitCode);
        AssertNothingForged(step.Stdout, allowedErrors: 2); // the problem, and the step failing
    }

    [Fact]
    public async Task A_reason_from_the_server_in_an_evaluation_forges_no_command()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var applied = await CliRunner.RunAsync(emulator, "apply", "--config", CliRunner.TempFile(Gates.Replace(Quoted("service:web" + Forged), "\"service:web\"", StringComparison.Ordinal)));
        Assert.True(applied.ExitCode == ExitCodes.Ok, applied.ToString());
        emulator.State.Evaluations = new EvaluationScript { Default = new RuleScript("pass", "all clear" + Forged) };

        var step = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "evaluate", ["service"] = "web", ["env"] = "prod", ["version"] = "1" });

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        AssertNothingForged(step.Stdout);
    }

    private static void AssertNothingForged(string stdout, int allowedErrors = 0)
    {
        var commands = RunnerWorkflowCommands.Parse(stdout);
        Assert.DoesNotContain(commands, c => c.Command == "warning" && c.Properties.ContainsKey("file"));
        Assert.DoesNotContain(commands, c => c.Command == "add-mask" && c.Data is "service" or "web");
        Assert.DoesNotContain(commands, c => c.Data.StartsWith("forged", StringComparison.Ordinal));
        Assert.True(commands.Count(c => c.Command == "error") <= allowedErrors, string.Join("\n", commands.Select(c => $"{c.Command}: {c.Data}")));
    }

    /// <summary>A YAML double-quoted scalar: \n and \r as escapes, so the file itself is plain lines.</summary>
    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
