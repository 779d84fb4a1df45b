using System.Globalization;
using System.Text;
using System.Text.Json;
using DdGates.Cli.Commands.Evaluate;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Reporting;

namespace DdGates.Cli.Commands.Report;

/// <summary>The readiness report as text, as JSON (field names are a public contract) and as the summary's markdown.</summary>
public sealed class ReportView(ReadinessReport report) : ICommandView
{
    public ReadinessReport Report => report;

    string ICommandView.Text() => Text(report);

    string ICommandView.Json(bool indented) => Json(report, indented);

    string ICommandView.Markdown(int limitBytes) => Markdown(report);

    public IReadOnlyList<(OutputSpec Output, string Value)> Outputs =>
        [(OutputTable.Result, report.AllReady ? "ready" : "not-ready"), (OutputTable.ReportJson, Json(report, indented: false))];

    public IReadOnlyList<Annotation> Annotations => [];

    public static string Verdict(Readiness r) => r switch
    {
        Readiness.Ready => "ready",
        Readiness.NotReady => "not-ready",
        Readiness.Enforced => "enforced",
        _ => "no-data",
    };

    public static string Totals(ReadinessReport report) =>
        $"{Words.Plural(report.Gates.Count, "gate", "gates")} over the last {Days(report)} days: {report.Count(Readiness.Ready)} ready, " +
        (report.Count(Readiness.Enforced) is > 0 and var enforced ? $"{enforced} enforced already, " : "") +
        $"{report.Count(Readiness.NotReady)} not ready, {report.Count(Readiness.NoData)} with no data.";

    public static string Text(ReadinessReport report)
    {
        var text = new StringBuilder();
        foreach (var g in report.Gates)
        {
            text.AppendLine($"{Verdict(g.Verdict)}: {g.Key}{(g.DryRun ? " (dry run)" : "")}: {g.Reason}");
            if (g.GateId is null) continue;
            text.AppendLine($"    {Counts(g)}");
            foreach (var rule in g.FailingRules)
            {
                text.AppendLine($"    rule \"{rule.Name}\"{(rule.DryRun ? " (dry run)" : "")} failed in {Words.Plural(rule.Evaluations, "evaluation", "evaluations")}" +
                    (rule.Monitors.Count == 0 ? "" : "; monitors: " + string.Join(", ", rule.Monitors.Select(m => $"{m.Id} ({m.Evaluations}x)"))) +
                    (rule.FaultyResources.Count == 0 ? "" : "; faulty: " + string.Join(", ", rule.FaultyResources)));
            }

            if (g.LastFailure is { } last)
            {
                text.AppendLine($"    last failure: {Time(last.At)}, evaluation {last.EvaluationId}");
                foreach (var m in last.Monitors) text.AppendLine($"        {MonitorText.Line(m)}");
            }
        }

        return text.AppendLine().Append("Report: ").AppendLine(Totals(report)).ToString();
    }

    public static string Json(ReadinessReport report, bool indented = true) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("from", Time(report.From));
        w.WriteString("to", Time(report.To));
        w.WriteNumber("days", Days(report));
        w.WriteNumber("min_evaluations", report.MinEvaluations);
        w.WriteBoolean("all_ready", report.AllReady);
        w.WriteString("summary", Totals(report));
        w.WriteStartArray("gates");
        foreach (var g in report.Gates) Gate(w, g);
        w.WriteEndArray();
        w.WriteEndObject();
    }, indented);

    public static string Markdown(ReadinessReport report)
    {
        var text = new StringBuilder("## Datadog Deployment Gates: report\n\n");
        text.AppendLine($"**{MarkdownText.Escape(Totals(report))}**").AppendLine();
        if (report.Gates.Count == 0) return text.AppendLine("No gate matches the selection.").ToString();
        text.AppendLine("| Gate | Verdict | Finished | Passed | Failed | Blocked | Would have blocked | In progress |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var g in report.Gates)
        {
            var mark = g.Verdict switch { Readiness.Ready => "✅", Readiness.Enforced => "🔒", Readiness.NotReady => "⛔", _ => "➖" };
            text.AppendLine($"| {MarkdownText.Escape(g.Key.ToString())}{(g.DryRun ? " (dry run)" : "")} | {mark} {Verdict(g.Verdict)}: {MarkdownText.Escape(g.Reason)} " +
                $"| {g.Evaluations} | {g.Passes} | {g.Failures} | {g.Blocked} | {g.WouldHaveBlocked} | {g.InProgress} |");
        }

        text.AppendLine();
        foreach (var g in report.Gates.Where(g => g.FailingRules.Count > 0 || g.LastFailure is not null))
        {
            text.AppendLine($"### {MarkdownText.Escape(g.Key.ToString())}").AppendLine();
            foreach (var rule in g.FailingRules)
            {
                var monitors = rule.Monitors.Select(m => $"[{MarkdownText.Escape(m.Id)}]({m.Url}) ({m.Evaluations}x)");
                text.AppendLine($"- rule **{MarkdownText.Escape(rule.Name)}**{(rule.DryRun ? " (dry run)" : "")}: failed in {Words.Plural(rule.Evaluations, "evaluation", "evaluations")}" +
                    (rule.Monitors.Count == 0 ? "" : "; monitors " + string.Join(", ", monitors)) +
                    (rule.FaultyResources.Count == 0 ? "" : "; faulty " + MarkdownText.Escape(string.Join(", ", rule.FaultyResources))));
            }

            if (g.LastFailure is { } last)
            {
                text.AppendLine($"- last failure: {Time(last.At)}, evaluation `{last.EvaluationId}`" +
                    (last.Monitors.Count == 0 ? "" : ": " + string.Join(", ", last.Monitors.Select(MonitorText.Link))));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static void Gate(Utf8JsonWriter w, GateReadiness g)
    {
        w.WriteStartObject();
        JsonText.Key(w, g.Key);
        w.WriteString("gate_id", g.GateId);
        w.WriteBoolean("dry_run", g.DryRun);
        w.WriteString("verdict", Verdict(g.Verdict));
        w.WriteString("reason", g.Reason);
        w.WriteNumber("evaluations", g.Evaluations);
        w.WriteNumber("in_progress", g.InProgress);
        w.WriteNumber("passes", g.Passes);
        w.WriteNumber("failures", g.Failures);
        w.WriteNumber("blocked", g.Blocked);
        w.WriteNumber("would_have_blocked", g.WouldHaveBlocked);
        w.WriteStartArray("failing_rules");
        foreach (var rule in g.FailingRules)
        {
            w.WriteStartObject();
            w.WriteString("name", rule.Name);
            w.WriteBoolean("dry_run", rule.DryRun);
            w.WriteNumber("evaluations", rule.Evaluations);
            w.WriteStartArray("monitors");
            foreach (var m in rule.Monitors)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteNumber("evaluations", m.Evaluations);
                w.WriteString("url", m.Url);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            JsonText.Strings(w, "faulty_resources", rule.FaultyResources);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (g.LastFailure is { } last)
        {
            w.WriteStartObject("last_failure");
            w.WriteString("evaluation_id", last.EvaluationId);
            w.WriteString("at", Time(last.At));
            MonitorText.Write(w, "monitors", last.Monitors);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static string Counts(GateReadiness g) =>
        $"{g.Evaluations} finished ({g.Passes} passed, {g.Failures} failed), {g.InProgress} in progress; blocked {g.Blocked}, would have blocked {g.WouldHaveBlocked}";

    private static int Days(ReadinessReport report) => (int)Math.Round((report.To - report.From).TotalDays);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
