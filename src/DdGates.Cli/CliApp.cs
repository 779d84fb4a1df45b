using System.CommandLine;
using DdGates.Cli.Commands;
using DdGates.Cli.Hosting;
using DdGates.Cli.Inputs;

namespace DdGates.Cli;

/// <summary>The <c>dd-gates</c> command line. Streams, environment and file access are passed in, so tests run it in process.</summary>
public static class CliApp
{
    private static readonly Dictionary<string, string> Examples = new()
    {
        ["dd-gates"] = """
              dd-gates plan  --config gates.yaml
              dd-gates apply --config gates.yaml --env staging
              dd-gates apply --service checkout --env staging --rules rules.json --dry-run false
            """,
        ["plan"] = """
              dd-gates plan --config gates.yaml                       # what would change
              dd-gates plan --config gates.yaml --detailed-exitcode   # exit 2 when changes are pending
              dd-gates plan --config gates.yaml -o json | jq .changed
            """,
        ["apply"] = """
              DD_API_KEY=... DD_APP_KEY=... dd-gates apply --config gates.yaml
              dd-gates apply --config gates.yaml --service checkout --env production --prune
              dd-gates apply --service checkout --env staging --rules '{"rules":[{"name":"P0","type":"monitor","options":{"query":"service:checkout"}}]}'
            """,
        ["evaluate"] = """
              dd-gates evaluate --service checkout --env production --version 1.4.2            # the stored gate
              dd-gates evaluate --config gates.yaml --env production --version 1.4.2 --inline  # its rules, sent with the request
              dd-gates evaluate --config gates.yaml --env production --version 1.4.2 --apply   # apply, then evaluate
              dd-gates evaluate --service web --env prod --rules gate.json --timeout 900 --fail-on-error
            """,
        ["validate"] = """
              dd-gates validate --config gates.yaml    # no keys needed, nothing sent
            """,
    };

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> env,
        CliRuntime? runtime = null, CancellationToken ct = default)
    {
        runtime ??= new CliRuntime(DateTimeOffset.UtcNow);
        var retryPolicy = runtime.Retry;
        var options = new CliOptions();
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 2 when changes are pending, 0 when there are none, 1 on errors." };
        var commands = new ReconcileCommand(stdout, stderr, ReadFile, retryPolicy);

        var plan = new Command("plan", "Show what apply would change, gate by gate and rule by rule. Sends no write.");
        var apply = new Command("apply", "Make Datadog hold exactly the declared gates and rules (idempotent; no state file).");
        var validate = new Command("validate", "Check the gates (or rules) file and flags offline. Needs no keys.");
        foreach (var command in new[] { plan, apply, validate })
        {
            foreach (var option in options.All) command.Options.Add(option);
        }

        var failOnDrift = CliOptions.Flag(InputTable.FailOnDrift);
        plan.Options.Add(detailed);
        plan.Options.Add(failOnDrift);
        plan.SetAction((r, token) => commands.PlanAsync(options.Read(r, env) with { DetailedExitCode = r.GetValue(detailed), FailOnDrift = r.GetValue(failOnDrift) }, token));
        apply.SetAction((r, token) => commands.ApplyAsync(options.Read(r, env), token));
        validate.SetAction(r => commands.Validate(options.Read(r, env)));

        var evaluate = new Command("evaluate", "Ask the gate whether to deploy, wait for the verdict, and exit 0 to go or non-zero to stop.");
        var evaluation = new EvaluateOptions();
        foreach (var option in options.All.Where(o => o != options.Prune && o != options.DryRun).Concat(evaluation.All)) evaluate.Options.Add(option);
        evaluate.SetAction((r, token) => new EvaluateCommand(stdout, stderr, ReadFile, retryPolicy, runtime.Schedule)
            .RunAsync(evaluation.Read(r, options.Read(r, env)), runtime.StartedAt, token));

        var run = new Command("run", "Run as a CI step (GitHub Action, Azure Pipelines task): inputs from INPUT_* variables, then outputs, a summary and annotations.");
        run.SetAction((_, token) => new ActionCommand(HostDetector.Detect(stdout, stderr, env), env, ReadFile, runtime).RunAsync(token));

        var root = new RootCommand(
            "dd-gates: Datadog Deployment Gates as code. Declare gates and rules in a file; plan shows the changes, apply makes them.\n" +
            "Keys come from DD_API_KEY / DATADOG_API_KEY and DD_APP_KEY / DATADOG_APP_KEY, or an OAuth access token from DD_ACCESS_TOKEN.\n" +
            "Exit codes: 0 ok (evaluate: deploy), 1 failed (or plan --fail-on-drift with changes; evaluate: Datadog errors with --fail-on-error), 2 changes pending (plan --detailed-exitcode), 3 invalid input (nothing sent), 4 gate failed, 5 evaluation timed out with --fail-on-error, 130 cancelled.")
        {
            plan, apply, validate, evaluate, run,
        };
        HelpExamples.Attach(root, Examples);
        return InvokeAsync(root, args, stdout, stderr, ct);
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var parsed = root.Parse(args);
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
            stderr.WriteLine("Cancelled: what was applied so far is kept; run again to finish.");
            return ExitCodes.Cancelled;
        }
    }

    private static string? ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
