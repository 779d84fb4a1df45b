using DdGates.Api;
using DdGates.Model;
using DdGates.Planning;

namespace DdGates.Applying;

/// <summary>
/// Executes a plan through the typed client, gates in parallel (bounded), and records one outcome per
/// change. A failure in one gate does not stop the others; a rerun picks up whatever is left.
/// </summary>
public sealed class Applier(DatadogClient client, int concurrency, IRunReporter reporter)
{
    public async Task<ApplyResult> ApplyAsync(Plan plan, Action<GateOutcome>? onGate, CancellationToken ct)
    {
        var outcomes = new GateOutcome[plan.Gates.Count];
        var indexes = Enumerable.Range(0, plan.Gates.Count);
        await Parallel.ForEachAsync(indexes, ActualStateReader.Options(concurrency, ct), async (i, token) =>
        {
            outcomes[i] = await ApplyGateAsync(plan.Gates[i], token);
            onGate?.Invoke(outcomes[i]);
        });
        return new ApplyResult(outcomes);
    }

    private async Task<GateOutcome> ApplyGateAsync(GatePlan plan, CancellationToken ct)
    {
        if (plan.Error is not null) return new GateOutcome(plan.Key, plan.Actual?.Id, GateResult.Failed, [], plan.Error);
        if (!plan.HasWrites) return new GateOutcome(plan.Key, plan.Actual?.Id, GateResult.Unchanged, []);

        string? note = null;
        var created = false;
        try
        {
            if (plan.Change == GateChange.Create)
            {
                (plan, note) = await CreateOrAdoptAsync(plan, ct);
                created = note is null;
                if (plan.Error is not null) return new GateOutcome(plan.Key, plan.Actual?.Id, GateResult.Failed, [], plan.Error, note);
            }

            if (plan.Change == GateChange.Update) await client.UpdateGateAsync(plan.Actual!.Id, plan.Desired.DryRun, ct);
        }
        catch (DatadogApiException e)
        {
            return new GateOutcome(plan.Key, plan.Actual?.Id, GateResult.Failed, [], e.Message, note);
        }

        var gateId = plan.Actual!.Id;
        var rules = new List<RuleOutcome>();
        var known = plan.Actual?.Rules.Select(r => r.Id).ToHashSet() ?? [];
        foreach (var rule in RulesInApplyOrder(plan))
        {
            rules.Add(await ApplyRuleAsync(gateId, rule, known, ct));
        }

        var createdRules = plan.Rules.Where(r => r.Change is RuleChange.Create or RuleChange.Replace).Select(r => r.Desired!).ToList();
        try
        {
            await new RaceCleanup(client, reporter).RemoveDuplicatesAsync(gateId, createdRules, ct);
        }
        catch (DatadogApiException e)
        {
            rules.Add(new RuleOutcome("(duplicate check)", RuleChange.Delete, e.Message));
        }

        var failed = rules.Where(r => !r.Applied).ToList();
        if (failed.Count > 0)
        {
            return new GateOutcome(plan.Key, gateId, GateResult.Failed, rules,
                $"{failed.Count} of {rules.Count} rule changes failed: " + string.Join("; ", failed.Select(f => f.Error)), note);
        }

        var result = created ? GateResult.Created
            : plan.Change == GateChange.Update || rules.Count > 0 ? GateResult.Updated
            : GateResult.Unchanged;
        return new GateOutcome(plan.Key, gateId, result, rules, null, note);
    }

    /// <summary>
    /// Creates the gate. "Gate already exists" (a retried create whose first attempt landed, or
    /// another run) adopts the existing gate and plans again against its real rules.
    /// </summary>
    private async Task<(GatePlan Plan, string? Note)> CreateOrAdoptAsync(GatePlan plan, CancellationToken ct)
    {
        try
        {
            var created = await client.CreateGateAsync(plan.Key, plan.Desired.DryRun, ct);
            return (plan with { Actual = created, Change = GateChange.Unchanged }, null);
        }
        catch (DatadogApiException e) when (e.IsGateAlreadyExists)
        {
            var existing = await ActualStateReader.FindAsync(client, plan.Key, ct)
                ?? throw new DatadogApiException($"adopt gate {plan.Key}", null, ["the server says it exists but does not list it"]);
            reporter.Warning($"{plan.Key}: the gate already existed (created concurrently or by an earlier attempt); adopted {existing.Id}");
            return (Planner.PlanGate(plan.Desired, existing), $"adopted existing gate {existing.Id}");
        }
    }

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
        try
        {
            switch (rule.Change)
            {
                case RuleChange.Create:
                    await new RuleCreator(client, reporter).CreateAsync(gateId, rule.Desired!, known, ct);
                    break;
                case RuleChange.Update:
                    await client.UpdateRuleAsync(gateId, rule.Actual!.Id, rule.Desired!, ct);
                    break;
                case RuleChange.Replace:
                    await new RuleCreator(client, reporter).CreateAsync(gateId, rule.Desired!, known, ct);
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
