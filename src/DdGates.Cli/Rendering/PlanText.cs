using System.Text;
using DdGates.Planning;

namespace DdGates.Cli.Rendering;

/// <summary>The plan as a person reads it: one block per gate, one line per rule change, before -> after values.</summary>
public static class PlanText
{
    public static string Render(Plan plan)
    {
        var text = new StringBuilder();
        foreach (var gate in plan.Gates) Gate(text, gate);
        text.AppendLine().Append("Plan: ").AppendLine(Words.Totals(plan));
        if (plan.HasChanges && PlanHash.Of(plan) is var hash) text.AppendLine($"Plan hash: {hash} (apply --expect-plan {hash} applies exactly this plan)");
        return text.ToString();
    }

    private static void Gate(StringBuilder text, GatePlan gate)
    {
        var id = gate.Actual is null ? "" : $" ({gate.Actual.Id})";
        if (gate.Error is not null)
        {
            text.AppendLine($"! {gate.Key}{id}: error: {gate.Error}");
            return;
        }

        if (gate.Change == GateChange.Delete)
        {
            text.AppendLine($"- {gate.Key}{id}: delete gate ({gate.Desired.Why})");
            foreach (var rule in gate.Rules) text.AppendLine($"    - rule \"{rule.Name}\": deleted with the gate");
            return;
        }

        if (gate.Desired.Absent)
        {
            text.AppendLine($"= {gate.Key}: absent (nothing to delete)");
            return;
        }

        if (gate.IsUnchanged)
        {
            text.AppendLine($"= {gate.Key}{id}: unchanged ({Words.Plural(gate.Rules.Count, "rule", "rules")})");
            return;
        }

        var (symbol, action) = gate.Change == GateChange.Create ? ("+", "create gate") : gate.HasWrites ? ("~", "update") : ("=", "unchanged");
        text.AppendLine($"{symbol} {gate.Key}{id}: {action}");
        if (gate.Change == GateChange.Create) text.AppendLine($"    dry_run: {Bool(gate.Desired.DryRun)}");
        if (gate.Change == GateChange.Update) text.AppendLine($"    ~ dry_run: {Bool(gate.Actual!.DryRun)} -> {Bool(gate.Desired.DryRun)}");
        foreach (var rule in gate.Rules.Where(r => r.Change != RuleChange.Unchanged))
        {
            var note = rule.Note is null ? "" : $" ({rule.Note})";
            text.AppendLine($"    {Words.Symbol(rule.Change)} rule \"{rule.Name}\": {Words.Verb(rule.Change)}{note}");
            foreach (var field in rule.Fields) text.AppendLine($"        {Words.Change(field)}");
        }

        var unchanged = gate.Rules.Count(r => r.Change == RuleChange.Unchanged);
        if (unchanged > 0) text.AppendLine($"    = {Words.Plural(unchanged, "rule", "rules")} unchanged");
    }

    private static string Bool(bool b) => b ? "true" : "false";
}
