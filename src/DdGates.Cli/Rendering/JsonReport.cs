using System.Text.Json;
using DdGates.Config;
using DdGates.Inputs;
using DdGates.Reconciling;

namespace DdGates.Cli.Rendering;

/// <summary>The plan (and, after apply, the outcomes) as JSON for machines. Field names are a public contract.</summary>
public static class JsonReport
{
    public static string Render(ReconcileOutcome outcome, bool indented = true) => JsonText.Write(w =>
    {
        var applied = outcome as Applied;
        var plan = GateRow.PlanShown(outcome);
        w.WriteStartObject();
        w.WriteBoolean("changes_pending", applied is null && plan.HasChanges);
        w.WriteBoolean("changed", outcome.Changed);
        if (applied is not null) w.WriteBoolean("succeeded", applied.Succeeded);
        if (outcome is Planned { Refused: { } refused }) w.WriteString("refused", refused);
        w.WriteString("plan_hash", Planning.PlanHash.Of(plan));
        w.WriteString("summary", Words.Totals(plan));
        w.WriteStartArray("gates");
        foreach (var row in GateRow.Of(outcome)) Gate(w, row);
        w.WriteEndArray();
        w.WriteEndObject();
    }, indented);

    /// <summary>The one document -o json prints when nothing could be planned: bad input (exit 3) or a failure before the plan (exit 1).</summary>
    public static string NoPlan(string result, int exitCode, string message, IReadOnlyList<Diagnostic> problems, bool evaluate, Func<InputSpec, string> inputName) =>
        JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("result", result);
            if (evaluate)
            {
                w.WriteString("gate_status", result == "invalid" ? "invalid" : "error");
                w.WriteBoolean("blocks", true);
            }
            else
            {
                w.WriteBoolean("changed", false);
            }

            w.WriteNumber("exit_code", exitCode);
            w.WriteString("message", message);
            w.WriteStartArray("problems");
            foreach (var p in problems) Problem(w, p, inputName);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void Problem(Utf8JsonWriter w, Diagnostic p, Func<InputSpec, string> inputName)
    {
        w.WriteStartObject();
        switch (p.Where)
        {
            case InFile f:
                w.WriteString("file", f.File);
                if (f.Line > 0)
                {
                    w.WriteNumber("line", f.Line);
                    w.WriteNumber("column", f.Column);
                }

                break;
            case FromInput i:
                w.WriteString("input", inputName(i.Input));
                break;
            case FromEnv e:
                w.WriteString("env", e.Name);
                break;
        }

        if (p.Path.Length > 0) w.WriteString("path", p.Path);
        w.WriteString("message", p.Message);
        w.WriteEndObject();
    }

    private static void Gate(Utf8JsonWriter w, GateRow row)
    {
        var gate = row.Plan;
        w.WriteStartObject();
        JsonText.Key(w, gate.Key);
        w.WriteString("id", row.Outcome?.GateId ?? gate.Actual?.Id);
        w.WriteString("action", Words.Verb(gate));
        if (gate.Actual is not null) w.WriteBoolean("dry_run_before", gate.Actual.DryRun);
        if (gate.Desired.Absent) w.WriteString("note", gate.Desired.Why);
        else w.WriteBoolean("dry_run", gate.Desired.DryRun);
        if (row.Outcome is { } outcome) w.WriteString("result", Words.PastTense(outcome.Result));
        if (row.Error is { } error) w.WriteString("error", error);
        w.WriteStartArray("rules");
        foreach (var rule in gate.Rules)
        {
            w.WriteStartObject();
            w.WriteString("name", rule.Name);
            w.WriteString("action", Words.Verb(rule.Change));
            if (rule.Actual is not null) w.WriteString("id", rule.Actual.Id);
            if (rule.Note is not null) w.WriteString("note", rule.Note);
            var result = row.RuleResult(rule);
            if (result is not null) w.WriteString("result", result.Applied ? Words.PastTense(rule.Change) : "failed");
            if (result?.Error is { } ruleError) w.WriteString("error", ruleError);
            w.WriteStartArray("changes");
            foreach (var f in rule.Fields)
            {
                w.WriteStartObject();
                w.WriteString("field", f.Field);
                w.WriteString("before", f.Before);
                w.WriteString("after", f.After);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
