using DdGates.Api;
using DdGates.Http;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Applying;

/// <summary>
/// Executes a plan through the typed client, gates in parallel (bounded), and records one outcome per
/// change. A failure in one gate does not stop the others; a rerun picks up whatever is left.
/// </summary>
public sealed class Applier(DatadogClient client, int concurrency, RetryPolicy policy, IRunReporter reporter)
{
    /// <summary>One <see cref="GateRun"/> per planned gate, in plan order; <paramref name="onGate"/> sees each as it finishes.</summary>
    public async Task<IReadOnlyList<GateRun>> ApplyAsync(Plan plan, Action<GateRun>? onGate, CancellationToken ct)
    {
        var runs = new GateRun[plan.Gates.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Gates.Count), Parallelism.Bounded(concurrency, ct), async (i, token) =>
        {
            runs[i] = await ApplyGateAsync(plan.Gates[i], token);
            onGate?.Invoke(runs[i]);
        });
        return runs;
    }

    private async Task<GateRun> ApplyGateAsync(GatePlan plan, CancellationToken ct)
    {
        if (plan.Error is not null) return new GateRun(plan, Outcome(plan, GateResult.Failed, [], plan.Error));
        if (!plan.HasWrites) return new GateRun(plan, Outcome(plan, GateResult.Unchanged, []));
        if (plan.Change == GateChange.Delete) return new GateRun(plan, await DeleteAsync(plan, ct));

        var created = false;
        string? note = null;
        try
        {
            if (plan.Change == GateChange.Create) (plan, created, note) = await CreateOrAdoptAsync(plan, ct);
            if (plan.Error is not null) return new GateRun(plan, Outcome(plan, GateResult.Failed, [], plan.Error, note));
            if (plan.Change == GateChange.Update) await client.UpdateGateAsync(plan.Actual!.Id, plan.Desired.DryRun, ct);
        }
        catch (DatadogApiException e)
        {
            return new GateRun(plan, Outcome(plan, GateResult.Failed, [], e.Message, note));
        }

        var rules = await ApplyRulesAsync(plan, ct);
        return new GateRun(plan, Classify(plan, created, rules, note));
    }

    /// <summary>
    /// Creates the gate. "Gate already exists" (a retried create whose first attempt landed, or another run)
    /// adopts the existing gate and plans again against its real rules: that plan is the one executed.
    /// </summary>
    private async Task<(GatePlan Plan, bool Created, string? Note)> CreateOrAdoptAsync(GatePlan plan, CancellationToken ct)
    {
        try
        {
            var created = await client.CreateGateAsync(plan.Key, plan.Desired.DryRun, ct);
            return (plan with { Actual = created, Change = GateChange.Unchanged }, true, null);
        }
        catch (DatadogApiException e) when (e.IsGateAlreadyExists)
        {
            var existing = await client.FindGateAsync(plan.Key, ct)
                ?? throw new DatadogApiException($"adopt gate {plan.Key}", null, ["the server says it exists but does not list it"]);
            reporter.Progress($"{plan.Key}: the gate already existed (created concurrently or by an earlier attempt); adopted {existing.Id}");
            return (Planner.PlanGate(plan.Desired, existing), false, $"adopted existing gate {existing.Id}");
        }
    }

    /// <summary>Deletes the gate with its rules. A 404 (a retried delete whose first answer was lost, or another run) is done.</summary>
    private async Task<GateOutcome> DeleteAsync(GatePlan plan, CancellationToken ct)
    {
        try
        {
            var existed = await client.DeleteGateAsync(plan.Actual!.Id, ct);
            var rules = plan.Rules.Select(r => new RuleOutcome(r.Name, RuleChange.Delete)).ToList();
            return Outcome(plan, GateResult.Deleted, rules, note: existed ? null : "it was already gone");
        }
        catch (DatadogApiException e)
        {
            return Outcome(plan, GateResult.Failed, [], e.Message);
        }
    }

    private async Task<List<RuleOutcome>> ApplyRulesAsync(GatePlan plan, CancellationToken ct)
    {
        var gateId = plan.Actual!.Id;
        var known = plan.Actual.Rules.Select(r => r.Id).ToHashSet();
        var rules = new List<RuleOutcome>();
        foreach (var rule in RulesInApplyOrder(plan)) rules.Add(await ApplyRuleAsync(gateId, rule, known, ct));

        var createdRules = plan.Rules.Where(r => r.Change is RuleChange.Create or RuleChange.Replace).Select(r => r.Desired!).ToList();
        try
        {
            await new RaceCleanup(client, reporter).RemoveDuplicatesAsync(gateId, createdRules, ct);
        }
        catch (DatadogApiException e)
        {
            rules.Add(new RuleOutcome("(duplicate check)", RuleChange.Delete, e.Message));
        }

        return rules;
    }

    private static GateOutcome Classify(GatePlan plan, bool created, List<RuleOutcome> rules, string? note)
    {
        var failed = rules.Where(r => !r.Applied).ToList();
        if (failed.Count > 0)
        {
            var error = $"{failed.Count} of {rules.Count} rule changes failed: " + string.Join("; ", failed.Select(f => f.Error));
            return Outcome(plan, GateResult.Failed, rules, error, note) with { GateCreated = created };
        }

        var result = created ? GateResult.Created
            : plan.Change == GateChange.Update || rules.Count > 0 ? GateResult.Updated
            : GateResult.Unchanged;
        return Outcome(plan, result, rules, null, note);
    }

    private static GateOutcome Outcome(GatePlan plan, GateResult result, IReadOnlyList<RuleOutcome> rules, string? error = null, string? note = null) =>
        new(plan.Key, plan.Actual?.Id, result, rules, error, note);

    /// <summary>Creates and updates first, then replacements (new before old), then deletions.</summary>
    private static IEnumerable<RulePlan> RulesInApplyOrder(GatePlan plan) =>
        plan.Rules.Where(r => r.IsWrite).OrderBy(r => r.Change switch
        {
            RuleChange.Create or RuleChange.Update => 0,
            RuleChange.Replace => 1,
            _ => 2,
        });

    private async Task<RuleOutcome> ApplyRuleAsync(string gateId, RulePlan rule, HashSet<string> known, CancellationToken ct)
    {
        var creator = new RuleCreator(client, policy, reporter);
        try
        {
            switch (rule.Change)
            {
                case RuleChange.Create:
                    await creator.CreateAsync(gateId, rule.Desired!, known, ct);
                    break;
                case RuleChange.Update:
                    await client.UpdateRuleAsync(gateId, rule.Actual!.Id, rule.Desired!, ct);
                    break;
                case RuleChange.Replace:
                    await creator.CreateAsync(gateId, rule.Desired!, known, ct);
                    await client.DeleteRuleAsync(gateId, rule.Actual!.Id, ct);
                    break;
                case RuleChange.Delete:
                    await client.DeleteRuleAsync(gateId, rule.Actual!.Id, ct);
                    break;
            }

            return new RuleOutcome(rule.Name, rule.Change);
        }
        catch (DatadogApiException e)
        {
            return new RuleOutcome(rule.Name, rule.Change, e.Message);
        }
    }
}
