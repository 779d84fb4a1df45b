using DdGates.Api;
using DdGates.Applying;
using DdGates.Http;
using DdGates.Planning;
using DdGates.Preflight;

namespace DdGates.Reconciling;

/// <summary>The spine every command shares: read the actual state, plan against it, and (for apply) execute the plan.</summary>
public static class Reconciler
{
    /// <param name="onPlanned">Sees the plan and its preflight before anything is applied, so a person knows what is about to change.</param>
    /// <param name="onGate">Sees each gate as apply finishes it.</param>
    public static async Task<ReconcileOutcome> RunAsync(ValidatedRun run, bool apply, IRunReporter reporter, RetryPolicy policy,
        CancellationToken ct, Action<Plan, PreflightResult>? onPlanned = null, Action<GateRun>? onGate = null)
    {
        if (DatadogSite.PlaintextWarning(run.ApiUrl) is { } plaintext) reporter.Warning(plaintext);
        using var client = new DatadogClient(run.ApiUrl, run.Keys, policy, reporter.Debug);
        try
        {
            return await RunAsync(client, run, apply, reporter, policy, onPlanned, onGate, ct);
        }
        finally
        {
            if (client.SlowdownWarning() is { } slow) reporter.Warning(slow);
        }
    }

    private static async Task<ReconcileOutcome> RunAsync(DatadogClient client, ValidatedRun run, bool apply, IRunReporter reporter,
        RetryPolicy policy, Action<Plan, PreflightResult>? onPlanned, Action<GateRun>? onGate, CancellationToken ct)
    {
        Plan plan;
        try
        {
            var actual = await ActualStateReader.ReadAsync(client, run.Desired.Gates, run.Desired.PruneScope, run.Concurrency, reporter, ct);
            plan = Planner.Plan(run.Desired.Gates, actual, run.Desired.PruneScope);
        }
        catch (DatadogApiException e)
        {
            return new ReadFailed(e.Message, client.RequestsSent);
        }

        var preflight = run.Preflight == PreflightMode.Off ? PreflightResult.Off : await PreflightCheck.RunAsync(client, run.Desired.Gates, run.Concurrency, DatadogSite.AppUrl(run.ApiUrl), ct);
        var preflightFailed = run.Preflight == PreflightMode.Fail && preflight.Blocking.Count > 0;
        onPlanned?.Invoke(plan, preflight);
        if (!apply) return new Planned(plan, client.RequestsSent) { Preflight = preflight, PreflightFailed = preflightFailed };
        if (run.ExpectPlan is { } expected && plan.Hash is var hash && hash != expected)
        {
            return new Planned(plan, client.RequestsSent)
            {
                Preflight = preflight,
                Refused = $"the plan is not the one reviewed (expected hash {expected}, now {hash}): Datadog or the file changed since; " +
                          "nothing was written. The plan shown with this run is what apply would do now: review it, and apply with its hash",
            };
        }

        if (preflightFailed)
        {
            return new Planned(plan, client.RequestsSent) { Preflight = preflight, PreflightFailed = true, Refused = $"{preflight.Stops}; nothing was written" };
        }

        if (!plan.HasChanges && !plan.HasErrors)
        {
            var unchanged = plan.Gates.Select(g => new GateRun(g, new GateOutcome(g.Key, g.Actual?.Id, GateResult.Unchanged, []))).ToList();
            return new Applied(plan, unchanged, client.RequestsSent) { Preflight = preflight };
        }

        var runs = await new Applier(client, run.Concurrency, policy, reporter).ApplyAsync(plan, onGate, ct);
        return new Applied(plan, runs, client.RequestsSent) { Preflight = preflight };
    }
}
