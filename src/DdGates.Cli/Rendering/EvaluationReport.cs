using System.Text;
using System.Text.Json;
using DdGates.Api.Dto;
using DdGates.Evaluation;

namespace DdGates.Cli.Rendering;

/// <summary>An evaluation as text, as JSON, and as the summary's markdown: the verdict first, then each rule.</summary>
public static class EvaluationReport
{
    public static string Text(EvaluationOutcome o, Verdict verdict)
    {
        var text = new StringBuilder().AppendLine(verdict.Sentence);
        foreach (var rule in o.Rules)
        {
            var reason = string.IsNullOrEmpty(rule.Reason) ? "" : $": {rule.Reason}";
            text.AppendLine($"  {rule.Status,-11} {rule.Name}{(rule.DryRun == true ? " (dry run)" : "")}{reason}");
        }

        if (o.EvaluationUrl is not null) text.AppendLine($"Evaluation: {o.EvaluationUrl}");
        return text.ToString();
    }

    public static string Json(EvaluationOutcome o, Verdict verdict)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
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
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The <c>rules</c> output: [{name, status, reason, dry_run}].</summary>
    public static string RulesJson(IReadOnlyList<EvaluationRuleResult> rules)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) WriteRules(w, rules);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Markdown(EvaluationOutcome o, Verdict verdict)
    {
        var text = new StringBuilder("## Datadog Deployment Gates: evaluate\n\n");
        text.AppendLine($"**{Rendering.Markdown.Escape(verdict.Sentence)}**").AppendLine();
        if (o.Rules.Count > 0)
        {
            text.AppendLine("| Rule | Status | Reason | Dry run |").AppendLine("|---|---|---|---|");
            foreach (var r in o.Rules)
            {
                var mark = r.Status switch { "pass" => "✅", "fail" => "❌", _ => "⏳" };
                text.AppendLine($"| {Rendering.Markdown.Escape(r.Name)} | {mark} {Rendering.Markdown.Escape(r.Status)} | {Rendering.Markdown.Escape(r.Reason)} | {(r.DryRun == true ? "yes" : "no")} |");
            }

            text.AppendLine();
        }

        if (o.EvaluationUrl is not null) text.AppendLine($"[The evaluation in Datadog]({o.EvaluationUrl})").AppendLine();
        return text.ToString();
    }

    private static void WriteRules(Utf8JsonWriter w, IReadOnlyList<EvaluationRuleResult> rules)
    {
        w.WriteStartArray();
        foreach (var r in rules)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            w.WriteString("status", r.Status);
            w.WriteString("reason", r.Reason);
            w.WriteBoolean("dry_run", r.DryRun == true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
