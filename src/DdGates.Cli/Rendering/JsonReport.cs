using System.Text;
using System.Text.Json;
using DdGates.Applying;
using DdGates.Config;
using DdGates.Planning;

namespace DdGates.Cli.Rendering;

/// <summary>The plan (and, after apply, the outcomes) as JSON for machines. Field names are a public contract.</summary>
public static class JsonReport
{
    public static string Render(Plan plan, ApplyResult? applied, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteBoolean("changes_pending", applied is null && plan.HasChanges);
            w.WriteBoolean("changed", applied is null ? plan.HasChanges : applied.Gates.Any(g => g.Result is GateResult.Created or GateResult.Updated));
            if (applied is not null) w.WriteBoolean("succeeded", applied.Succeeded);
            w.WriteString("summary", Words.Totals(plan));
            w.WriteStartArray("gates");
            for (var i = 0; i < plan.Gates.Count; i++) Gate(w, plan.Gates[i], applied?.Gates[i]);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The one document -o json prints when nothing could be planned: bad input (exit 3) or a failure before the plan (exit 1).</summary>
    public static string NoPlan(string result, int exitCode, string message, IReadOnlyList<Diagnostic> problems, bool evaluate)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
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
            foreach (var p in problems)
            {
                w.WriteStartObject();
                w.WriteString("file", p.File);
                if (p.Line > 0)
                {
                    w.WriteNumber("line", p.Line);
                    w.WriteNumber("column", p.Column);
                }

                if (p.Path.Length > 0) w.WriteString("path", p.Path);
                w.WriteString("message", p.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Gate(Utf8JsonWriter w, GatePlan gate, GateOutcome? outcome)
    {
        w.WriteStartObject();
        w.WriteString("key", gate.Key.ToString());
        w.WriteString("service", gate.Key.Service);
        w.WriteString("env", gate.Key.Env);
        w.WriteString("identifier", gate.Key.Identifier);
        w.WriteString("id", outcome?.GateId ?? gate.Actual?.Id);
        w.WriteString("action", Words.Verb(gate));
        if (gate.Actual is not null) w.WriteBoolean("dry_run_before", gate.Actual.DryRun);
        w.WriteBoolean("dry_run", gate.Desired.DryRun);
        if (outcome is not null) w.WriteString("result", Words.Done(outcome.Result));
        if ((outcome?.Error ?? gate.Error) is { } error) w.WriteString("error", error);
        w.WriteStartArray("rules");
        foreach (var rule in gate.Rules)
        {
            w.WriteStartObject();
            w.WriteString("name", rule.Name);
            w.WriteString("action", Words.Verb(rule.Change));
            if (rule.Actual is not null) w.WriteString("id", rule.Actual.Id);
            if (rule.Note is not null) w.WriteString("note", rule.Note);
            var result = outcome?.Rules.FirstOrDefault(r => r.Name == rule.Name && r.Change == rule.Change);
            if (result is not null) w.WriteString("result", result.Applied ? Words.Done(rule.Change) : "failed");
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
