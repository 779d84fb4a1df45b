using System.Text;
using DdGates.Cli.Text;
using DdGates.Preflight;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>The preflight as each surface spells it: its headline, then one line (or row) per monitor rule with what its query matched.</summary>
public static class PreflightText
{
    /// <summary>Rules listed in a summary or comment; the rest are counted (the log and -o json hold them all).</summary>
    public const int MaxRowsShown = 50;

    public static void Text(StringBuilder text, PreflightResult preflight)
    {
        if (!preflight.Ran) return;
        text.AppendLine().AppendLine(preflight.Headline);
        foreach (var rule in preflight.Rules)
        {
            var mark = rule.IsWarning ? "!" : rule.Verdict == MatchVerdict.CouldNotCheck ? "?" : "=";
            text.AppendLine($"  {mark} {rule.Gate} \"{rule.Rule}\": {rule.Summary}{Sample(rule, preflight, markdown: false)}");
        }
    }

    /// <summary>The headline, the warnings in a callout a reviewer cannot miss, then a table of every rule's count.</summary>
    public static void Markdown(StringBuilder text, PreflightResult preflight)
    {
        if (!preflight.Ran) return;
        text.AppendLine($"**{MarkdownText.Escape(preflight.Headline)}**").AppendLine();
        var warnings = preflight.Warnings.ToList();
        if (warnings.Count > 0)
        {
            text.AppendLine($"> ⚠️ **{Words.Plural(warnings.Count, "monitor rule", "monitor rules")} Datadog will fail on {(warnings.Count == 1 ? "its" : "their")} match count:**");
            foreach (var w in warnings.Take(25)) text.AppendLine($"> - {MarkdownText.Escape(w.Warning!)}");
            if (warnings.Count > 25) text.AppendLine($"> - and {warnings.Count - 25} more (all of them in the log)");
            text.AppendLine();
        }

        if (preflight.Rules.Count == 0) return;
        text.AppendLine("| | Gate | Rule | Query | Matches |").AppendLine("|---|---|---|---|---|");
        foreach (var rule in preflight.Rules.Take(MaxRowsShown))
        {
            var mark = rule.IsWarning ? "⚠️" : rule.Verdict == MatchVerdict.CouldNotCheck ? "❔" : "✅";
            text.AppendLine($"| {mark} | {MarkdownText.Escape(rule.Gate.ToString())} | {MarkdownText.Escape(rule.Rule)} | {MarkdownText.Escape(rule.Query)} | {MarkdownText.Escape(rule.Summary)}{Sample(rule, preflight, markdown: true)} |");
        }

        if (preflight.Rules.Count > MaxRowsShown) text.AppendLine().AppendLine($"_{Words.Plural(preflight.Rules.Count - MaxRowsShown, "more rule is", "more rules are")} in the log._");
        text.AppendLine();
    }

    /// <summary>": Checkout latency (https://...), Checkout errors (...) and 1 more"; links in markdown.</summary>
    private static string Sample(RuleCheck rule, PreflightResult preflight, bool markdown)
    {
        if (rule.Matches is not { Sample.Count: > 0 } matches || rule.Verdict == MatchVerdict.MatchesNothing) return "";
        var names = matches.Sample.Select(m => markdown ? $"[{MarkdownText.Escape(m.Name)}]({preflight.Link(m)})" : $"{m.Name} ({preflight.Link(m)})");
        var more = matches.Total - matches.Sample.Count;
        return ": " + string.Join(", ", names) + (more > 0 ? $" and {more} more" : "");
    }
}
