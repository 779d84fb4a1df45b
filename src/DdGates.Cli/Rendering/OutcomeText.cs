using System.Text;
using DdGates.Applying;

namespace DdGates.Cli.Rendering;

/// <summary>What apply did: one line per gate as it finishes, and exact detail for failures.</summary>
public static class OutcomeText
{
    public static string Line(GateOutcome g)
    {
        var rules = g.Rules.Where(r => r.Applied).GroupBy(r => r.Change).Select(x => $"{x.Count()} {Words.Done(x.Key)}").ToList();
        var detail = rules.Count > 0 ? $" (rules: {string.Join(", ", rules)})" : "";
        var note = g.Note is null ? "" : $" [{g.Note}]";
        return $"{Mark(g.Result)} {g.Key}: {Words.Done(g.Result)}{detail}{note}";
    }

    public static string Failures(ApplyResult result)
    {
        var text = new StringBuilder();
        foreach (var g in result.Gates.Where(g => g.Result == GateResult.Failed))
        {
            text.AppendLine($"x {g.Key}: {g.Error}");
            foreach (var r in g.Rules)
            {
                text.AppendLine(r.Applied ? $"    ok   rule \"{r.Name}\" {Words.Done(r.Change)}" : $"    FAIL rule \"{r.Name}\" ({Words.Verb(r.Change)}): {r.Error}");
            }
        }

        return text.ToString();
    }

    public static string Totals(ApplyResult result) =>
        $"Apply: {Words.Plural(result.Count(GateResult.Created), "gate", "gates")} created, {result.Count(GateResult.Updated)} updated, " +
        $"{result.Count(GateResult.Unchanged)} unchanged, {result.Count(GateResult.Failed)} failed.";

    private static string Mark(GateResult r) => r switch
    {
        GateResult.Failed => "x",
        GateResult.Unchanged => "=",
        _ => "+",
    };
}
