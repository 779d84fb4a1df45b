using System.Text;
using DdGates.Cli.Text;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>
/// The step summary of plan or apply: the headline and counts first, enforcement turned on called out, then one table
/// per gate that changes (or failed) with each rule change and its before/after values. Unchanged gates are listed in
/// one line. Stays under the given size: the rest is counted, not shown.
/// </summary>
public static class ReconcileMarkdown
{
    public static string Render(ReconcileView view, int maxBytes)
    {
        var text = new StringBuilder();
        text.AppendLine($"## Datadog Deployment Gates: {view.CommandWord}").AppendLine();
        if (view.Outcome is ReadFailed failed) return text.AppendLine($"**{MarkdownText.Escape(view.Headline)}** {MarkdownText.Escape(failed.Error)}").ToString();
        Head(text, view);
        var unchanged = new List<string>();
        var omitted = 0;
        foreach (var row in view.Rows)
        {
            if (!row.IsNotable)
            {
                unchanged.Add(row.Key.ToString());
                continue;
            }

            var section = Gate(row);
            if (Encoding.UTF8.GetByteCount(text.ToString()) + Encoding.UTF8.GetByteCount(section) > maxBytes - 4096) omitted++;
            else text.Append(section);
        }

        if (omitted > 0) text.AppendLine($"_{Words.Plural(omitted, "more gate is", "more gates are")} not shown here (summary size limit); the log holds them all._").AppendLine();
        if (unchanged.Count > 0)
        {
            var list = string.Join(", ", unchanged.Take(200).Select(MarkdownText.Escape)) + (unchanged.Count > 200 ? $" and {unchanged.Count - 200} more" : "");
            text.AppendLine($"Unchanged: {list}.").AppendLine();
        }

        return text.ToString();
    }

    /// <summary>The headline with the counts, the refusal, the enforcement callout and the plan hash: the part a reviewer must see.</summary>
    public static void Head(StringBuilder text, ReconcileView view)
    {
        text.AppendLine($"**{MarkdownText.Escape(view.Headline)}** {MarkdownText.Escape(view.Counts.Sentence())}").AppendLine();
        if (view.Outcome is Planned { Refused: { } refused }) text.AppendLine(MarkdownText.Escape(refused) + ".").AppendLine();
        var enforcing = view.Rows.Where(r => r.Enforcement.Count > 0).ToList();
        if (enforcing.Count > 0)
        {
            text.AppendLine($"> ⚠️ **Enforcement turned on** for {Words.Plural(enforcing.Count, "gate", "gates")}: from then on a failing rule blocks the deploy.");
            foreach (var row in enforcing.Take(25))
            {
                text.AppendLine($"> - **{MarkdownText.Escape(row.Key.ToString())}**: {MarkdownText.Escape(string.Join("; ", row.Enforcement.Select(e => Words.Enforcement(e, view.Outcome is Applied))))}");
            }

            if (enforcing.Count > 25) text.AppendLine($"> - and {enforcing.Count - 25} more gates (all of them in the plan)");
            text.AppendLine();
        }

        PreflightText.Markdown(text, view.Outcome.Preflight);
        if (view.Hash is { } hash && view.Outcome is Planned) text.AppendLine($"Plan hash `{hash}`: apply with `{view.ExpectPlan!.Replace("`", "", StringComparison.Ordinal)}` to carry out exactly this plan.").AppendLine();
    }

    private static string Gate(GateRow row)
    {
        var (gate, outcome) = (row.Executed, row.Outcome);
        var text = new StringBuilder();
        var state = outcome is null ? Words.Verb(row.Action) : Words.PastTense(outcome.Result) + (row.CreatedPartly ? $" (the gate was created as {row.Id}; rerun to finish its rules)" : "");
        var enforce = row.Enforcement.Count > 0 ? " ⚠️ enforcement on" : "";
        text.AppendLine($"### {MarkdownText.Escape(gate.Key.ToString())}: {MarkdownText.Escape(state)}{enforce}").AppendLine();
        if (row.Error is { } error) text.AppendLine($"> {MarkdownText.Escape(error)}").AppendLine();
        if (row.Action == GateAction.Error) return text.ToString();

        text.AppendLine("| | Rule | Change | Details |").AppendLine("|---|---|---|---|");
        switch (row.Shown.Change)
        {
            case GateChange.Delete:
                text.AppendLine($"| - | (gate) | delete | _{MarkdownText.Escape(gate.Desired.Why ?? "")}_ |");
                break;
            case GateChange.Create:
                text.AppendLine($"| + | (gate) | create | dry\\_run: {Words.Bool(gate.Desired.DryRun)} |");
                break;
            case GateChange.Update:
                text.AppendLine($"| ~ | (gate) | update | dry\\_run: {Words.Bool(row.Shown.Actual!.DryRun)} → {Words.Bool(gate.Desired.DryRun)} |");
                break;
        }

        foreach (var rule in gate.Rules.Where(r => r.Change != RuleChange.Unchanged))
        {
            var result = row.RuleResult(rule);
            var change = Words.Verb(rule.Change) + (result is null ? "" : result.Applied ? $" → {Words.PastTense(rule.Change)}" : " → **failed**");
            var details = rule.Fields.Select(f => MarkdownText.Escape(Words.Change(f, "→")));
            var note = rule.Note is null ? [] : new[] { $"_{MarkdownText.Escape(rule.Note)}_" };
            var failure = result?.Error is { } e ? new[] { $"**{MarkdownText.Escape(e)}**" } : [];
            text.AppendLine($"| {Words.Symbol(rule.Change)} | {MarkdownText.Escape(rule.Name)} | {change} | {string.Join("<br>", note.Concat(details).Concat(failure))} |");
        }

        var same = gate.Rules.Count(r => r.Change == RuleChange.Unchanged);
        if (same > 0) text.AppendLine($"| = | {Words.Plural(same, "rule", "rules")} | unchanged | |");
        return text.AppendLine().ToString();
    }
}
