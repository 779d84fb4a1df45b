using System.Text;
using DdGates.Applying;
using DdGates.Reconciling;

namespace DdGates.Cli.Rendering;

/// <summary>What apply did: one line per gate as it finishes, and exact detail for failures.</summary>
public static class OutcomeText
{
    public static string Line(GateOutcome g)
    {
        var rules = g.Rules.Where(r => r.Applied).GroupBy(r => r.Change).Select(x => $"{x.Count()} {Words.PastTense(x.Key)}").ToList();
        var detail = rules.Count > 0 ? $" (rules: {string.Join(", ", rules)})" : "";
        var note = g.Note is null ? "" : $" [{g.Note}]";
        return $"{Mark(g.Result)} {g.Key}: {Words.PastTense(g.Result)}{detail}{note}";
    }

    /// <summary>What a person reads after apply: nothing to do, or the failures in detail and the totals.</summary>
    public static string Report(Applied applied)
    {
        if (!applied.Plan.HasChanges && !applied.Plan.HasErrors) return "Nothing to apply: Datadog already matches the file." + Environment.NewLine;
        var text = new StringBuilder().AppendLine().Append(Failures(applied)).AppendLine(Totals(applied));
        if (!applied.Succeeded) text.AppendLine("Run the same command again to finish: what was applied is kept, and the rest is planned again.");
        return text.ToString();
    }

    public static string Failures(Applied applied)
    {
        var text = new StringBuilder();
        foreach (var g in applied.Gates.Select(r => r.Outcome).Where(g => g.Result == GateResult.Failed))
        {
            text.AppendLine($"x {g.Key}: {g.Error}");
            foreach (var r in g.Rules)
            {
                text.AppendLine(r.Applied ? $"    ok   rule \"{r.Name}\" {Words.PastTense(r.Change)}" : $"    FAIL rule \"{r.Name}\" ({Words.Verb(r.Change)}): {r.Error}");
            }
        }

        return text.ToString();
    }

    public static string Totals(Applied result) =>
        $"Apply: {Words.Plural(result.Count(GateResult.Created), "gate", "gates")} created, {result.Count(GateResult.Updated)} updated, " +
        (result.Count(GateResult.Deleted) is > 0 and var deleted ? $"{deleted} deleted, " : "") +
        $"{result.Count(GateResult.Unchanged)} unchanged, {result.Count(GateResult.Failed)} failed.";

    private static string Mark(GateResult r) => r switch
    {
        GateResult.Failed => "x",
        GateResult.Unchanged => "=",
        GateResult.Deleted => "-",
        _ => "+",
    };
}
