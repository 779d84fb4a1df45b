using System.CommandLine;
using DdGates.Api;
using DdGates.Cli.Commands;
using DdGates.Cli.Hosting;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Evaluation;
using DdGates.Inputs;

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
        ["report"] = """
              dd-gates report --service checkout --env production                # the last 14 days
              dd-gates report --config gates.yaml --days 30 --min-evaluations 20 -o json
              dd-gates report --config gates.yaml --env production --fail-unless-ready   # exit 1 unless every gate is ready
            """,
        ["export"] = """
              dd-gates export > gates.yaml                               # every gate of the organization
              dd-gates export --service checkout --file checkout.yaml    # then: dd-gates plan --config checkout.yaml shows no change
              dd-gates export --env production -o json
            """,
        ["validate"] = """
              dd-gates validate --config gates.yaml    # no keys needed, nothing sent
            """,
    };

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
        var policy = runtime.Retry ?? new RetryPolicy();
        var options = new CliOptions();
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 2 when changes are pending, 0 when there are none, 1 on errors." };

        // Every terminal command: a presenter for its output format, the use case, and the one boundary around it.
        Task<int> Terminal(RunSettings settings, bool evaluates, Func<IRunPresenter, Task<RunExit>> command, CancellationToken token)
        {
            var presenter = new TerminalPresenter(stdout, stderr, settings.Output, evaluates);
            return SafeRun.RunAsync(presenter, stderr, () => command(presenter), token);
        }

        Task<int> Reconcile(RunSettings settings, bool apply, CancellationToken token) =>
            Terminal(settings, evaluates: false, p => new ReconcileUseCase(p, LocalFiles.Read, policy).RunAsync(settings, apply, token), token);

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
        plan.SetAction((r, token) => Reconcile(options.Read(r, env) with { DetailedExitCode = r.GetValue(detailed), FailOnDrift = r.GetValue(failOnDrift) }, apply: false, token));
        var expectPlan = new Option<string?>(InputTable.ExpectPlan.Cli!) { Description = InputTable.ExpectPlan.Description, HelpName = "HASH" };
        apply.Options.Add(expectPlan);
        apply.SetAction((r, token) => Reconcile(options.Read(r, env) with { ExpectPlan = r.GetValue(expectPlan) }, apply: true, token));
        validate.SetAction((r, token) =>
        {
            var settings = options.Read(r, env);
            return Terminal(settings, evaluates: false, p => Task.FromResult(new ReconcileUseCase(p, LocalFiles.Read, policy).Validate(settings)), token);
        });

        var evaluate = new Command("evaluate", "Ask the gate whether to deploy, wait for the verdict, and exit 0 to go or non-zero to stop.");
        var evaluation = new EvaluateOptions();
        foreach (var option in options.All.Where(o => o != options.Prune && o != options.DryRun).Concat(evaluation.All)) evaluate.Options.Add(option);
        evaluate.SetAction((r, token) =>
        {
            var settings = evaluation.Read(r, options.Read(r, env));
            var schedule = runtime.Schedule ?? new PollSchedule();
            return Terminal(settings.Run, evaluates: true, p => new EvaluateUseCase(p, LocalFiles.Read, policy, schedule).RunAsync(settings, runtime.StartedAt, token), token);
        });

        var report = new Command("report", "Whether each selected gate is ready to enforce, from its evaluation history: finished evaluations, failures, and how many a dry run would have blocked.");
        var reporting = new ReportOptions();
        foreach (var option in new Option[] { options.Config, options.Service, options.Env, options.Identifier, options.Site, options.ApiUrl, options.Concurrency, options.Output }
            .Concat(reporting.All)) report.Options.Add(option);
        report.SetAction((r, token) =>
        {
            var settings = reporting.Read(r, options.Read(r, env));
            return Terminal(settings.Run, evaluates: false, p => new ReportUseCase(p, LocalFiles.Read, policy, runtime.Time).RunAsync(settings, token), token);
        });

        var export = new Command("export", "Write the gates that exist in Datadog as a gates file (YAML; JSON with -o json): the whole organization, or the selected ones.");
        var exportFile = new Option<string?>(InputTable.ExportFile.Cli!) { Description = InputTable.ExportFile.Description, HelpName = "PATH" };
        foreach (var option in new Option[] { options.Service, options.Env, options.Identifier, options.Site, options.ApiUrl, options.Concurrency, options.Output, exportFile })
        {
            export.Options.Add(option);
        }

        export.SetAction((r, token) =>
        {
            var settings = options.Read(r, env);
            return Terminal(settings, evaluates: false, p => new ExportUseCase(p, policy, (path, text) => LocalFiles.Write(path, runtime.Secrets.Redact(text))).RunAsync(settings, r.GetValue(exportFile), token), token);
        });

        var run = new Command("run", "Run as a CI step (GitHub Action, Azure Pipelines task): inputs from INPUT_* variables, then outputs, a summary and annotations.");
        run.SetAction((_, token) => new ActionCommand(HostDetector.Detect(stdout, stderr, env), env, LocalFiles.Read, runtime, stderr).RunAsync(token));

        var root = new RootCommand(
            "dd-gates: Datadog Deployment Gates as code. Declare gates and rules in a file; plan shows the changes, apply makes them.\n" +
            $"Keys come from {Fallbacks(InputTable.ApiKey)} and {Fallbacks(InputTable.AppKey)}, or an OAuth access token from {Fallbacks(InputTable.AccessToken)}.\n" +
            ExitCodes.Help())
        {
            plan, apply, validate, evaluate, report, export, run,
        };
        HelpExamples.Attach(root, Examples);
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
            stderr.WriteLine(SafeRun.CancelledReason);
            return ExitCodes.Cancelled;
        }
    }

    private static string Fallbacks(InputSpec input) => string.Join(" / ", input.Fallbacks);
}
