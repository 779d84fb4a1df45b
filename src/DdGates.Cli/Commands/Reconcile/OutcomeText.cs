using System.Text;
using DdGates.Applying;
using DdGates.Cli.Text;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>What apply did: one line per gate as it finishes, then the failures in detail (and what was created anyway) and the counts.</summary>
public static class OutcomeText
{
    /// <summary>"checkout/staging/default: updated (rules: 2 updated)"; a deleted gate: "deleted (with its 2 rules)".</summary>
    public static string Line(GateOutcome g)
    {
        var detail = "";
        if (g.Result == GateResult.Deleted)
        {
            var count = g.Rules.Count;
            detail = count > 0 ? $" (with its {Words.Plural(count, "rule", "rules")})" : "";
        }
        else if (g.Rules.Where(r => r.Applied).GroupBy(r => r.Change).Select(x => $"{x.Count()} {Words.PastTense(x.Key)}").ToList() is { Count: > 0 } rules)
        {
            detail = $" (rules: {string.Join(", ", rules)})";
        }

        var created = g.GateCreated && g.Result == GateResult.Failed ? $" [gate created as {g.GateId}; its rules are not all there]" : "";
        var note = g.Note is null ? "" : $" [{g.Note}]";
        return $"{g.Key}: {Words.PastTense(g.Result)}{detail}{created}{note}";
    }

    public static string Render(ReconcileView view)
    {
        var text = new StringBuilder();
        if (view.Headline.StartsWith("Nothing to apply", StringComparison.Ordinal)) text.AppendLine(view.Headline);
        else text.AppendLine().Append(Failures(view)).AppendLine($"{view.Headline} {view.Counts.Sentence()}");
        if (view.Outcome.Preflight.Ran) text.AppendLine(view.Outcome.Preflight.Headline);
        return text.ToString();
    }

    /// <summary>Each failed gate: what was applied, what failed, and whether the gate now exists (with its id).</summary>
    public static string Failures(ReconcileView view)
    {
        var text = new StringBuilder();
        foreach (var g in view.Rows.Select(r => r.Outcome).OfType<GateOutcome>().Where(g => g.Result == GateResult.Failed))
        {
            text.AppendLine($"x {g.Key}: {g.Error}");
            if (g.GateCreated) text.AppendLine($"    ok   gate created: {g.GateId}");
            foreach (var r in g.Rules)
            {
                text.AppendLine(r.Applied ? $"    ok   rule \"{r.Name}\" {Words.PastTense(r.Change)}" : $"    FAIL rule \"{r.Name}\" ({Words.Verb(r.Change)}): {r.Error}");
            }
        }

        return text.ToString();
    }
}
