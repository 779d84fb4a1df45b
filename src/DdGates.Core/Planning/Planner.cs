using DdGates.Model;

namespace DdGates.Planning;

/// <summary>
/// The pure diff: desired gates and what the server holds in, a plan out. No I/O. Rules are keyed by
/// name within a gate; a type change is a replacement; rules the file does not list are unmanaged and
/// deleted only when the gate says prune. Gates are deleted only when declared absent, or when they lie in the
/// prune scope and the file does not list them.
/// </summary>
public static class Planner
{
    /// <param name="pruneScope">Where gates the file does not list are deleted; null: nowhere.</param>
    public static Plan Plan(IReadOnlyList<GateSpec> desired, IReadOnlyDictionary<GateKey, ActualGate> actual, GateScope? pruneScope = null)
    {
        var listed = desired.Select(d => d.Key).ToHashSet();
        var pruned = pruneScope is null ? [] : actual.Values
            .Where(a => pruneScope.Contains(a.Key) && !listed.Contains(a.Key))
            .OrderBy(a => a.Key.ToString(), StringComparer.Ordinal)
            .Select(a => GateSpec.Gone(a.Key, $"not in the file; inside its scope ({pruneScope}) and prune is on"));
        return new([.. desired.Concat(pruned).Select(d => PlanGate(d, actual.GetValueOrDefault(d.Key)))]);
    }

    public static GatePlan PlanGate(GateSpec desired, ActualGate? actual)
    {
        if (desired.Absent)
        {
            return actual is null
                ? new GatePlan(desired, null, GateChange.Unchanged, [])
                : new GatePlan(desired, actual, GateChange.Delete,
                    [.. actual.Rules.Select(r => new RulePlan(r.Name, RuleChange.Delete, null, r, [], "goes with the gate"))]);
        }

        if (actual is null)
        {
            return new GatePlan(desired, null, GateChange.Create,
                [.. desired.Rules.Select(r => new RulePlan(r.Name, RuleChange.Create, r, null, FieldDiff.Of(null, r)))]);
        }

        var byName = actual.Rules.ToLookup(r => r.Name, StringComparer.Ordinal);
        var rules = new List<RulePlan>();
        var errors = new List<string>();
        foreach (var rule in desired.Rules)
        {
            var onServer = byName[rule.Name].ToList();
            switch (onServer.Count)
            {
                case 0:
                    rules.Add(new RulePlan(rule.Name, RuleChange.Create, rule, null, FieldDiff.Of(null, rule)));
                    break;
                case 1:
                    rules.Add(PlanRule(rule, onServer[0]));
                    break;
                default:
                    if (DuplicateResolution.TryResolve(rule, onServer, out var resolved)) rules.AddRange(resolved);
                    else errors.Add(DuplicateResolution.Explain(rule.Name, onServer));
                    break;
            }
        }

        var declared = desired.Rules.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in actual.Rules.Where(r => !declared.Contains(r.Name)))
        {
            rules.Add(desired.Prune
                ? new RulePlan(extra.Name, RuleChange.Delete, null, extra, FieldDiff.Of(extra, null), "not in the file; prune is on")
                : new RulePlan(extra.Name, RuleChange.Unmanaged, null, extra, [], "not in the file; kept (prune is off)"));
        }

        var change = actual.DryRun == desired.DryRun ? GateChange.Unchanged : GateChange.Update;
        return new GatePlan(desired, actual, change, rules, errors.Count == 0 ? null : string.Join(" ", errors));
    }

    private static RulePlan PlanRule(RuleSpec desired, ActualRule actual)
    {
        if (actual.Type != desired.Type)
        {
            return new RulePlan(desired.Name, RuleChange.Replace, desired, actual, FieldDiff.Of(actual, desired),
                $"type {actual.TypeName} -> {desired.Type.ToWire()} cannot be updated in place");
        }

        return actual.Matches(desired)
            ? new RulePlan(desired.Name, RuleChange.Unchanged, desired, actual, [])
            : new RulePlan(desired.Name, RuleChange.Update, desired, actual, FieldDiff.Of(actual, desired));
    }
}
