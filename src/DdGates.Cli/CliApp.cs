using System.CommandLine;
using DdGates.Cli.Commands;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Platforms;
using DdGates.Cli.Platforms.Console;
using DdGates.Cli.Step;

namespace DdGates.Cli;

/// <summary>The <c>dd-gates</c> command line. Streams, environment and file access are passed in, so tests run it in process.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> env,
        CliRuntime? runtime = null, CancellationToken ct = default)
    {
        // Everything printed crosses one boundary: the run's secrets come out, host commands in plain text are defused.
        var secrets = RunSecrets.From(env);
        var defuse = HostDetector.Defuser(env);
        var output = new BoundaryWriter(stdout, secrets, defuse);
        var errors = new BoundaryWriter(stderr, secrets, defuse);
        try
        {
            return await RunAsync(args, output, errors, env, (runtime ?? new CliRuntime(DateTimeOffset.UtcNow)) with { Secrets = secrets }, ct);
        }
        finally
        {
            output.Finish();
            errors.Finish();
        }
    }

    private static Task<int> RunAsync(string[] args, BoundaryWriter stdout, BoundaryWriter stderr, Func<string, string?> env, CliRuntime runtime, CancellationToken ct)
    {
        var context = new CommandContext(LocalFiles.Read, LocalFiles.Write, runtime, env);
        var colour = Colour.For(env, runtime.Terminal);
        var options = new CliOptions();
        var root = new RootCommand(
            "dd-gates: Datadog Deployment Gates as code. Declare gates and rules in a file; plan shows the changes, apply makes them.\n" +
            $"Keys come from {Fallbacks(InputTable.ApiKey)} and {Fallbacks(InputTable.AppKey)}, or an OAuth access token from {Fallbacks(InputTable.AccessToken)}.\n" +
            ExitCodes.Help());
        var examples = new Dictionary<string, string>
        {
            ["dd-gates"] = """
                  dd-gates plan  --config gates.yaml
                  dd-gates apply --config gates.yaml --env staging
                  dd-gates apply --service checkout --env staging --rules rules.json --dry-run false
                """,
        };

        foreach (var row in CommandTable.Rows(options).Where(r => r.OnCommandLine))
        {
            var command = new Command(row.Name, row.Description);
            foreach (var option in row.Options) command.Options.Add(option);
            command.SetAction((result, token) =>
            {
                var settings = row.ReadCommandLine(result, env);
                var format = result.GetValue(options.Output) == "json" ? OutputFormat.Json : OutputFormat.Text;
                var presenter = new TerminalPresenter(stdout, stderr, format, row.Evaluates, colour);
                return CommandBoundary.RunAsync(presenter, stderr, () => row.RunAsync(presenter, context, settings, token), token);
            });
            if (row.Examples is { } text) examples[row.Name] = text;
            root.Subcommands.Add(command);
        }

        var run = new Command("run", "Run as a CI step (GitHub Action, Azure Pipelines task): inputs from INPUT_* variables, then outputs, a summary and annotations.");
        run.SetAction((_, token) => new StepCommand(HostDetector.Detect(stdout, stderr, env), env, context, stderr).RunAsync(token));
        root.Subcommands.Add(run);
        HelpExamples.Attach(root, examples);
        return InvokeAsync(root, args, stdout, stderr, ct);
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        // No response files: an argument "@/dev/zero" (or any "@file") is a value, never a file to read arguments from.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'dd-gates --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Cancelled before a command's own boundary was reached.
            stderr.WriteLine(CommandBoundary.CancelledReason);
            return ExitCodes.Cancelled;
        }
    }

    private static string Fallbacks(InputSpec input) => string.Join(" / ", input.Fallbacks);
}
