using System.Text;
using DdGates.Cli.Text;
using DdGates.Planning;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>The plan as a person reads it: one block per gate, one line per rule change, before -> after values, then the counts.</summary>
public static class PlanText
{
    public static string Render(ReconcileView view)
    {
        var text = new StringBuilder();
        foreach (var row in view.Rows) Gate(text, row);
        PreflightText.Text(text, view.Outcome.Preflight);
        text.AppendLine().Append("Plan: ").AppendLine(view.Counts.Sentence());
        if (view.Counts.Enforcing > 0) text.AppendLine($"Enforcement: turned on for {Words.Plural(view.Counts.Enforcing, "gate", "gates")} (marked !): from then on a failing rule blocks the deploy.");
        if (view.Hash is { } hash) text.AppendLine($"Plan hash: {hash} (apply with {view.ExpectPlan} to carry out exactly this plan)");
        return text.ToString();
    }

    /// <summary>One gate's block; the same lines are the diff in a pull-request comment.</summary>
    public static void Gate(StringBuilder text, GateRow row)
    {
        var gate = row.Shown;
        var id = gate.Actual is null ? "" : $" ({gate.Actual.Id})";
        switch (row.Action)
        {
            case GateAction.Error:
                text.AppendLine($"! {gate.Key}{id}: error: {gate.Error}");
                return;
            case GateAction.Delete:
                text.AppendLine($"- {gate.Key}{id}: delete gate ({gate.Desired.Why})");
                foreach (var rule in gate.Rules) text.AppendLine($"    - rule \"{rule.Name}\": deleted with the gate");
                return;
            case GateAction.Absent:
                text.AppendLine($"= {gate.Key}: absent (nothing to delete)");
                return;
            case GateAction.Unchanged when gate.IsUnchanged:
                text.AppendLine($"= {gate.Key}{id}: unchanged ({Words.Plural(gate.Rules.Count, "rule", "rules")})");
                return;
        }

        text.AppendLine($"{Words.Symbol(row.Action)} {gate.Key}{id}: {Words.Verb(row.Action)}");
        foreach (var e in row.Enforcement) text.AppendLine($"    ! {Words.Enforcement(e, done: false)}");
        if (gate.Change == GateChange.Create) text.AppendLine($"    + dry_run: {Words.Bool(gate.Desired.DryRun)}");
        if (gate.Change == GateChange.Update) text.AppendLine($"    ~ dry_run: {Words.Bool(gate.Actual!.DryRun)} -> {Words.Bool(gate.Desired.DryRun)}");
        foreach (var rule in gate.Rules.Where(r => r.Change != RuleChange.Unchanged))
        {
            var note = rule.Note is null ? "" : $" ({rule.Note})";
            text.AppendLine($"    {Words.Symbol(rule.Change)} rule \"{rule.Name}\": {Words.Verb(rule.Change)}{note}");
            foreach (var field in rule.Fields) text.AppendLine($"        {Words.Change(field)}");
        }

        var unchanged = gate.Rules.Count(r => r.Change == RuleChange.Unchanged);
        if (unchanged > 0) text.AppendLine($"    = {Words.Plural(unchanged, "rule", "rules")} unchanged");
    }
}
