using System.Text;
using DdGates.Applying;
using DdGates.Config;
using DdGates.Inputs;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Rendering;

/// <summary>
/// The step summary: the verdict first, then one table per gate that changes (or failed) with each
/// rule change and its before/after values. Unchanged gates are listed in one line each. Stays under
/// the given size: the rest is counted, not shown.
/// </summary>
public static class SummaryMarkdown
{
    public static string Problems(IReadOnlyList<Diagnostic> problems, int annotated, Func<InputSpec, string> inputName)
    {
        var text = new StringBuilder($"## Datadog Deployment Gates: invalid input\n\n**{Words.Plural(problems.Count, "problem", "problems")}; nothing was sent to Datadog.**");
        if (problems.Count > annotated) text.Append($" The first {annotated} are also annotations on the file.");
        text.AppendLine().AppendLine();
        foreach (var line in ProblemList.Lines(problems, p => p.Describe(inputName))) text.AppendLine($"- {Markdown.Escape(line)}");
        return text.ToString();
    }

    public static string Error(string command, string error) =>
        $"## Datadog Deployment Gates: {command} failed\n\n{Markdown.Escape(error)}\n";

    public static string Render(string command, ReconcileOutcome outcome, int maxBytes)
    {
        var text = new StringBuilder();
        text.AppendLine($"## Datadog Deployment Gates: {command}").AppendLine();
        text.AppendLine($"**{Markdown.Escape(Verdict(outcome))}**").AppendLine();
        var unchanged = new List<string>();
        var omitted = 0;
        foreach (var row in GateRow.Of(outcome))
        {
            if (!row.IsNotable)
            {
                unchanged.Add(row.Plan.Key.ToString());
                continue;
            }

            var section = Gate(row);
            if (Encoding.UTF8.GetByteCount(text.ToString()) + Encoding.UTF8.GetByteCount(section) > maxBytes - 4096) omitted++;
            else text.Append(section);
        }

        if (omitted > 0) text.AppendLine($"_{omitted} more gates are not shown here (summary size limit); the `plan` output holds them all._").AppendLine();
        if (unchanged.Count > 0)
        {
            var list = string.Join(", ", unchanged.Take(200).Select(Markdown.Escape)) + (unchanged.Count > 200 ? $" and {unchanged.Count - 200} more" : "");
            text.AppendLine($"Unchanged: {list}.").AppendLine();
        }

        return text.ToString();
    }

    private static string Verdict(ReconcileOutcome outcome) => outcome switch
    {
        Applied applied => (applied.Succeeded ? "Applied. " : "Apply failed; rerun to finish. ") + OutcomeText.Totals(applied),
        Planned { Refused: { } refused } => $"Apply refused: {refused}.",
        Planned planned => (planned.Changed ? "Changes pending. " : "No changes. ") + Words.Totals(planned.Plan) + $" Plan hash: `{PlanHash.Of(planned.Plan)}`.",
        _ => throw new ArgumentException("a failed read has no plan", nameof(outcome)),
    };

    private static string Gate(GateRow row)
    {
        var (gate, outcome) = (row.Plan, row.Outcome);
        var text = new StringBuilder();
        var state = outcome is not null ? Words.PastTense(outcome.Result) : Words.Verb(gate);
        text.AppendLine($"### {Markdown.Escape(gate.Key.ToString())}: {state}").AppendLine();
        if (row.Error is { } error) text.AppendLine($"> {Markdown.Escape(error)}").AppendLine();
        if (gate.Error is not null) return text.ToString();

        text.AppendLine("| | Rule | Change | Details |").AppendLine("|---|---|---|---|");
        if (gate.Change == GateChange.Delete)
        {
            text.AppendLine($"| - | (gate) | delete | _{Markdown.Escape(gate.Desired.Why ?? "")}_ |");
        }

        if (gate.Change == GateChange.Update)
        {
            text.AppendLine($"| ~ | (gate) | update | dry\\_run: {gate.Actual!.DryRun} → {gate.Desired.DryRun} |".ToLowerInvariant());
        }

        foreach (var rule in gate.Rules.Where(r => r.Change != RuleChange.Unchanged))
        {
            var result = row.RuleResult(rule);
            var change = Words.Verb(rule.Change) + (result is null ? "" : result.Applied ? $" → {Words.PastTense(rule.Change)}" : " → **failed**");
            var details = rule.Fields.Select(f => Markdown.Escape(Words.Change(f, "→")));
            var note = rule.Note is null ? [] : new[] { $"_{Markdown.Escape(rule.Note)}_" };
            var failure = result?.Error is { } e ? new[] { $"**{Markdown.Escape(e)}**" } : [];
            text.AppendLine($"| {Words.Symbol(rule.Change)} | {Markdown.Escape(rule.Name)} | {change} | {string.Join("<br>", note.Concat(details).Concat(failure))} |");
        }

        var same = gate.Rules.Count(r => r.Change == RuleChange.Unchanged);
        if (same > 0) text.AppendLine($"| = | {Words.Plural(same, "rule", "rules")} | unchanged | |");
        return text.AppendLine().ToString();
    }
}
