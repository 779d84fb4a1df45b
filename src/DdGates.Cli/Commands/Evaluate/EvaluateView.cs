using System.Text;
using System.Text.Json;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Evaluation;

namespace DdGates.Cli.Commands.Evaluate;

/// <summary>An evaluation as text, as JSON, and as the summary's markdown: the verdict first, then each rule.</summary>
public sealed class EvaluateView(ValidatedEvaluation evaluation, EvaluationOutcome outcome, Verdict verdict) : ICommandView
{
    public Verdict Verdict => verdict;

    public bool IsVerdict => true;

    string ICommandView.Text() => Text(outcome, verdict);

    string ICommandView.Json(bool indented) => Json(outcome, verdict);

    string ICommandView.Markdown(int limitBytes) => Markdown(outcome, verdict);

    public IReadOnlyList<(OutputSpec Output, string Value)> Outputs =>
    [
        (OutputTable.GateStatus, outcome.Status.ToOutput()),
        (OutputTable.EvaluationId, outcome.EvaluationId ?? ""),
        (OutputTable.EvaluationUrl, outcome.EvaluationUrl ?? ""),
        (OutputTable.RulesJson, RulesJson(outcome.Rules)),
    ];

    /// <summary>Each failed rule: an error where it blocks, a warning where a dry run keeps it from blocking.</summary>
    public IReadOnlyList<Annotation> Annotations =>
    [
        .. outcome.Rules.Where(r => r.State == EvaluationState.Fail).Select(rule =>
        {
            var text = $"{evaluation.Target.Key}: rule \"{rule.Name}\" failed" + (rule.Reason is null ? "" : $": {rule.Reason}");
            return rule.DryRun || outcome.DryRun
                ? new Annotation(false, text + " (dry run: would have blocked, not blocking)", evaluation.Location, InText: true)
                : new Annotation(true, text, evaluation.Location, InText: true);
        }),
    ];

    public static string Text(EvaluationOutcome o, Verdict verdict)
    {
        var text = new StringBuilder().AppendLine(verdict.Sentence);
        foreach (var rule in o.Rules)
        {
            var reason = rule.Reason is null ? "" : $": {rule.Reason}";
            text.AppendLine($"  {rule.StateName,-11} {rule.Name}{(rule.DryRun ? " (dry run)" : "")}{reason}");
            foreach (var m in rule.Detail?.Monitors ?? []) text.AppendLine($"              {MonitorText.Line(m)}");
            foreach (var resource in rule.Detail?.FaultyResources ?? []) text.AppendLine($"              faulty resource: {resource}");
        }

        if (o.EvaluationUrl is not null) text.AppendLine($"Evaluation: {o.EvaluationUrl}");
        return text.ToString();
    }

    public static string Json(EvaluationOutcome o, Verdict verdict) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("gate_status", o.Status.ToOutput());
        w.WriteBoolean("blocks", verdict.Blocks);
        w.WriteNumber("exit_code", verdict.ExitCode);
        w.WriteString("verdict", verdict.Sentence);
        w.WriteString("evaluation_id", o.EvaluationId);
        w.WriteString("evaluation_url", o.EvaluationUrl);
        w.WriteBoolean("dry_run", o.DryRun);
        if (o.Message is not null) w.WriteString("message", o.Message);
        w.WritePropertyName("rules");
        WriteRules(w, o.Rules);
        w.WriteEndObject();
    });

    /// <summary>The <c>rules</c> output: [{name, status, reason, dry_run}], and for a failed rule whose history was read, monitors [{id, state, url}] and faulty_resources.</summary>
    public static string RulesJson(IReadOnlyList<RuleVerdict> rules) => JsonText.Write(w => WriteRules(w, rules), indented: false);

    public static string Markdown(EvaluationOutcome o, Verdict verdict)
    {
        var text = new StringBuilder($"## Datadog gate evaluation: {verdict.Heading}\n\n");
        text.AppendLine($"**{MarkdownText.Escape(verdict.Sentence)}**").AppendLine();
        if (o.Rules.Count > 0)
        {
            text.AppendLine("| Rule | Status | Reason | Dry run |").AppendLine("|---|---|---|---|");
            foreach (var r in o.Rules)
            {
                var mark = r.State switch { EvaluationState.Pass => "✅", EvaluationState.Fail => "❌", _ => "⏳" };
                text.AppendLine($"| {MarkdownText.Escape(r.Name)} | {mark} {r.StateName} | {Why(r)} | {(r.DryRun ? "yes" : "no")} |");
            }

            text.AppendLine();
        }

        if (o.EvaluationUrl is not null) text.AppendLine($"[The evaluation in Datadog]({o.EvaluationUrl})").AppendLine();
        return text.ToString();
    }

    /// <summary>Datadog's reason, then each failing monitor as a link and each faulty resource, one per line of the cell.</summary>
    private static string Why(RuleVerdict r)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(r.Reason)) lines.Add(MarkdownText.Escape(r.Reason));
        lines.AddRange((r.Detail?.Monitors ?? []).Select(MonitorText.Link));
        lines.AddRange((r.Detail?.FaultyResources ?? []).Select(x => $"faulty: {MarkdownText.Escape(x)}"));
        return string.Join("<br>", lines);
    }

    private static void WriteRules(Utf8JsonWriter w, IReadOnlyList<RuleVerdict> rules)
    {
        w.WriteStartArray();
        foreach (var r in rules)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            w.WriteString("status", r.StateName);
            w.WriteString("reason", r.Reason);
            w.WriteBoolean("dry_run", r.DryRun);
            if (r.Detail is { } detail)
            {
                MonitorText.Write(w, "monitors", detail.Monitors);
                JsonText.Strings(w, "faulty_resources", detail.FaultyResources);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
