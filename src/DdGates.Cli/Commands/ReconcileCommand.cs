using DdGates.Api;
using DdGates.Applying;
using DdGates.Cli.Rendering;
using DdGates.Config;
using DdGates.Planning;

namespace DdGates.Cli.Commands;

/// <summary>
/// plan, apply and validate: inputs -> desired state (validated) -> actual state -> plan -> apply ->
/// outcomes -> report. Every problem in the inputs is reported before the first request.
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
        using var client = Client(run);
        var plan = await ReadAndPlanAsync(client, run, ct);
        if (plan is null) return ExitCodes.Failed;
        stdout.Write(settings.Output == OutputFormat.Json ? JsonReport.Render(plan, null) + Environment.NewLine : PlanText.Render(plan));
        _reporter.Progress($"{client.RequestsSent} requests sent, no writes (plan)");
        if (plan.HasErrors) return ExitCodes.Failed;
        return settings.DetailedExitCode && plan.HasChanges ? ExitCodes.ChangesPending : ExitCodes.Ok;
    }

    public async Task<int> ApplyAsync(RunSettings settings, CancellationToken ct)
    {
        if (Check(settings, needsKeys: true) is not { } run) return ExitCodes.InvalidInput;
        using var client = Client(run);
        var plan = await ReadAndPlanAsync(client, run, ct);
        if (plan is null) return ExitCodes.Failed;
        var json = settings.Output == OutputFormat.Json;
        if (!json) stdout.Write(PlanText.Render(plan));
        if (!plan.HasChanges && !plan.HasErrors)
        {
            if (json) stdout.WriteLine(JsonReport.Render(plan, new ApplyResult([.. plan.Gates.Select(g => new GateOutcome(g.Key, g.Actual?.Id, GateResult.Unchanged, []))])));
            else stdout.WriteLine("Nothing to apply: Datadog already matches the file.");
            return ExitCodes.Ok;
        }

        var done = 0;
        var total = plan.Gates.Count(g => g.HasWrites || g.Error is not null);
        var counting = new Lock();
        var applier = new Applier(client, run.Concurrency, _reporter);
        var result = await applier.ApplyAsync(plan, outcome =>
        {
            if (outcome.Result == GateResult.Unchanged) return;
            lock (counting) _reporter.Progress($"[{++done}/{total}] {OutcomeText.Line(outcome)}");
        }, ct);

        if (json) stdout.WriteLine(JsonReport.Render(plan, result));
        else
        {
            stdout.WriteLine();
            stdout.Write(OutcomeText.Failures(result));
            stdout.WriteLine(OutcomeText.Totals(result));
            if (!result.Succeeded) stdout.WriteLine("Run the same command again to finish: what was applied is kept, and the rest is planned again.");
        }

        _reporter.Progress($"{client.RequestsSent} requests sent");
        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private ValidatedRun? Check(RunSettings settings, bool needsKeys)
    {
        var (run, problems) = RunValidator.Validate(settings, readFile, needsKeys);
        if (run is not null) return run;
        stderr.WriteLine($"error: {Words.Plural(problems.Count, "problem", "problems")} in the input; nothing was sent to Datadog:");
        foreach (var p in problems) stderr.WriteLine($"  {p}");
        return null;
    }

    private DatadogClient Client(ValidatedRun run) =>
        new(run.ApiUrl, run.Keys, retryPolicy ?? new RetryPolicy(), message => _reporter.Warning(message));

    private async Task<Plan?> ReadAndPlanAsync(DatadogClient client, ValidatedRun run, CancellationToken ct)
    {
        try
        {
            var actual = await ActualStateReader.ReadAsync(client, run.Desired.Gates, run.Concurrency, _reporter, ct);
            return Planner.Plan(run.Desired.Gates, actual);
        }
        catch (DatadogApiException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
