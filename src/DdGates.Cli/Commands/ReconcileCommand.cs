using DdGates.Api;
using DdGates.Applying;
using DdGates.Cli.Rendering;
using DdGates.Planning;

namespace DdGates.Cli.Commands;

/// <summary>
/// plan, apply and validate for a person at a terminal: text (or JSON) on stdout, progress on stderr.
/// Every problem in the inputs is reported before the first request.
/// </summary>
public sealed class ReconcileCommand(TextWriter stdout, TextWriter stderr, Func<string, string?> readFile, RetryPolicy? retryPolicy = null)
{
    private readonly ConsoleReporter _reporter = new(stderr);

    public int Validate(RunSettings settings)
    {
        if (Check(settings, needsKeys: false) is not { } run) return ExitCodes.InvalidInput;
        var rules = run.Desired.Gates.Sum(g => g.Rules.Count);
        stdout.WriteLine($"Valid: {Words.Plural(run.Desired.Gates.Count, "gate", "gates")} with {Words.Plural(rules, "rule", "rules")} ({string.Join(", ", run.Desired.Gates.Select(g => g.Key))}).");
        return ExitCodes.Ok;
    }

    public async Task<int> PlanAsync(RunSettings settings, CancellationToken ct)
    {
        if (Check(settings, needsKeys: true) is not { } run) return ExitCodes.InvalidInput;
        var outcome = await Reconciliation.RunAsync(run, apply: false, _reporter, null, retryPolicy ?? new RetryPolicy(), ct);
        if (outcome.Plan is not { } plan) return Failed(outcome, settings);
        stdout.Write(settings.Output == OutputFormat.Json ? JsonReport.Render(plan, null) + Environment.NewLine : PlanText.Render(plan));
        _reporter.Progress($"{outcome.RequestsSent} requests sent, no writes (plan)");
        return PlanExitCode(plan, settings);
    }

    public async Task<int> ApplyAsync(RunSettings settings, CancellationToken ct)
    {
        if (Check(settings, needsKeys: true) is not { } run) return ExitCodes.InvalidInput;
        var json = settings.Output == OutputFormat.Json;
        var progress = new ApplyProgress(_reporter);
        var outcome = await Reconciliation.RunAsync(run, apply: true, _reporter, progress.Report, retryPolicy ?? new RetryPolicy(), ct,
            onPlanned: planned => { if (!json) stdout.Write(PlanText.Render(planned)); });
        if (outcome is not { Plan: { } plan, Applied: { } result }) return Failed(outcome, settings);

        if (json) stdout.WriteLine(JsonReport.Render(plan, result));
        else
        {
            if (!plan.HasChanges && !plan.HasErrors) stdout.WriteLine("Nothing to apply: Datadog already matches the file.");
            else
            {
                stdout.WriteLine();
                stdout.Write(OutcomeText.Failures(result));
                stdout.WriteLine(OutcomeText.Totals(result));
                if (!result.Succeeded) stdout.WriteLine("Run the same command again to finish: what was applied is kept, and the rest is planned again.");
            }
        }

        _reporter.Progress($"{outcome.RequestsSent} requests sent");
        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }

    public static int PlanExitCode(Plan plan, RunSettings settings) =>
        plan.HasErrors || (settings.FailOnDrift && plan.HasChanges) ? ExitCodes.Failed
        : settings.DetailedExitCode && plan.HasChanges ? ExitCodes.ChangesPending
        : ExitCodes.Ok;

    private int Failed(ReconcileOutcome outcome, RunSettings settings)
    {
        stderr.WriteLine($"error: {outcome.Error}");
        if (settings.Output == OutputFormat.Json) stdout.WriteLine(JsonReport.NoPlan("failed", ExitCodes.Failed, outcome.Error!, [], evaluate: false));
        return ExitCodes.Failed;
    }

    private ValidatedRun? Check(RunSettings settings, bool needsKeys)
    {
        var (run, problems) = RunValidator.Validate(settings, readFile, needsKeys);
        if (run is not null) return run;
        Invalid(stdout, stderr, problems, settings.Output, evaluate: false);
        return null;
    }

    /// <summary>Every problem on stderr; with -o json, also the one document on stdout.</summary>
    public static void Invalid(TextWriter stdout, TextWriter stderr, IReadOnlyList<DdGates.Config.Diagnostic> problems, OutputFormat output, bool evaluate)
    {
        var message = $"{Words.Plural(problems.Count, "problem", "problems")} in the input; nothing was sent to Datadog";
        stderr.WriteLine($"error: {message}:");
        foreach (var p in problems) stderr.WriteLine($"  {p}");
        if (output == OutputFormat.Json) stdout.WriteLine(JsonReport.NoPlan("invalid", ExitCodes.InvalidInput, message, problems, evaluate));
    }
}
