using DdGates.Api;
using DdGates.Applying;
using DdGates.Planning;

namespace DdGates.Cli.Commands;

/// <summary>What one reconcile run produced; <see cref="Error"/> is set when Datadog could not be read.</summary>
public sealed record ReconcileOutcome(Plan? Plan, ApplyResult? Applied, string? Error, int RequestsSent)
{
    public bool Changed => Applied is not null
        ? Applied.Gates.Any(g => g.Result is GateResult.Created or GateResult.Updated)
        : Plan?.HasChanges == true;
}

/// <summary>The one data path shared by the CLI, the action and the task: actual state, plan, and (for apply) apply.</summary>
public static class Reconciliation
{
    /// <param name="onPlanned">Called with the plan before anything is applied, so a person sees what is about to change.</param>
    public static async Task<ReconcileOutcome> RunAsync(ValidatedRun run, bool apply, IRunReporter reporter,
        Action<GateOutcome>? onGate, RetryPolicy policy, CancellationToken ct, Action<Plan>? onPlanned = null)
    {
        using var client = new DatadogClient(run.ApiUrl, run.Keys, policy, reporter.Warning);
        Plan plan;
        try
        {
            var actual = await ActualStateReader.ReadAsync(client, run.Desired.Gates, run.Concurrency, reporter, ct);
            plan = Planner.Plan(run.Desired.Gates, actual);
        }
        catch (DatadogApiException e)
        {
            return new ReconcileOutcome(null, null, e.Message, client.RequestsSent);
        }

        onPlanned?.Invoke(plan);
        if (!apply) return new ReconcileOutcome(plan, null, null, client.RequestsSent);
        if (!plan.HasChanges && !plan.HasErrors)
        {
            var unchanged = new ApplyResult([.. plan.Gates.Select(g => new GateOutcome(g.Key, g.Actual?.Id, GateResult.Unchanged, []))]);
            return new ReconcileOutcome(plan, unchanged, null, client.RequestsSent);
        }

        var result = await new Applier(client, run.Concurrency, reporter).ApplyAsync(plan, onGate, ct);
        return new ReconcileOutcome(plan, result, null, client.RequestsSent);
    }
}
