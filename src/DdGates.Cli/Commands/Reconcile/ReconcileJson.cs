using System.Text.Json;
using DdGates.Cli.Text;
using DdGates.Planning;
using DdGates.Preflight;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>The plan (and, after apply, the outcomes) as JSON for machines. Field names are a public contract.</summary>
public static class ReconcileJson
{
    public static string Render(ReconcileView view, bool indented = true) => JsonText.Write(w =>
    {
        var outcome = view.Outcome;
        w.WriteStartObject();
        if (outcome is ReadFailed failed)
        {
            w.WriteString("result", "failed");
            w.WriteBoolean("changed", false);
            w.WriteString("message", failed.Error);
            w.WriteEndObject();
            return;
        }

        var applied = outcome as Applied;
        w.WriteBoolean("changes_pending", applied is null && view.Plan!.HasChanges);
        w.WriteBoolean("changed", outcome.Changed);
        w.WriteString("result", outcome.Result);
        if (applied is not null) w.WriteBoolean("succeeded", applied.Succeeded);
        if (outcome is Planned { Refused: { } refused }) w.WriteString("refused", refused);
        w.WriteString("plan_hash", view.Plan!.Hash);
        w.WriteString("summary", view.Counts.Sentence());
        Counts(w, view.Counts);
        if (outcome.Preflight.Ran) Preflight(w, outcome.Preflight, outcome.PreflightFailed);
        w.WriteStartArray("gates");
        foreach (var row in view.Rows) Gate(w, row);
        w.WriteEndArray();
        w.WriteEndObject();
    }, indented);

    /// <summary>"preflight": {summary, searches, failed, skipped?, rules: [{gate, rule, query, search, dry_run, verdict, matches, monitors, warning?, error?}]}.</summary>
    private static void Preflight(Utf8JsonWriter w, PreflightResult preflight, bool failed)
    {
        w.WriteStartObject("preflight");
        w.WriteString("summary", preflight.Headline);
        w.WriteNumber("searches", preflight.Searches);
        w.WriteBoolean("failed", failed);
        if (preflight.Skipped is { } skipped) w.WriteString("skipped", skipped);
        w.WriteStartArray("rules");
        foreach (var rule in preflight.Rules)
        {
            w.WriteStartObject();
            w.WriteString("gate", rule.Gate.ToString());
            w.WriteString("rule", rule.Rule);
            w.WriteString("query", rule.Query);
            w.WriteString("search", PreflightCheck.Search(rule.Query));
            w.WriteBoolean("dry_run", rule.DryRun);
            w.WriteString("verdict", rule.Verdict switch
            {
                MatchVerdict.Fine => "ok",
                MatchVerdict.MatchesNothing => "no_match",
                MatchVerdict.MatchesTooMany => "too_many",
                _ => "could_not_check",
            });
            if (rule.Matches is { } matches)
            {
                w.WriteNumber("matches", matches.Total);
                w.WriteStartArray("monitors");
                foreach (var m in matches.Sample)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", m.Id);
                    w.WriteString("name", m.Name);
                    if (m.Status is { } status) w.WriteString("status", status);
                    w.WriteString("url", preflight.Link(m));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (rule.Warning is { } warning) w.WriteString("warning", warning);
            if (rule.CouldNotCheck is { } error) w.WriteString("error", error);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter w, ChangeCounts counts)
    {
        w.WriteStartObject("counts");
        w.WriteStartObject("gates");
        foreach (var (action, n) in counts.Gates) w.WriteNumber(Words.Verb(action), n);
        w.WriteEndObject();
        w.WriteStartObject("rules");
        foreach (var (change, n) in counts.Rules) w.WriteNumber(Words.Verb(change), n);
        w.WriteEndObject();
        if (counts.Applied)
        {
            w.WriteStartObject("results");
            foreach (var (result, n) in counts.Results) w.WriteNumber(Words.PastTense(result), n);
            w.WriteEndObject();
        }

        w.WriteNumber("enforcement_turned_on", counts.Enforcing);
        w.WriteEndObject();
    }

    private static void Gate(Utf8JsonWriter w, GateRow row)
    {
        var gate = row.Executed;
        w.WriteStartObject();
        JsonText.Key(w, gate.Key);
        w.WriteString("id", row.Id.Length > 0 ? row.Id : null);
        w.WriteString("action", Words.Verb(row.Action));
        if (row.Shown.Actual is not null) w.WriteBoolean("dry_run_before", row.Shown.Actual.DryRun);
        if (gate.Desired.Absent) w.WriteString("note", gate.Desired.Why);
        else w.WriteBoolean("dry_run", gate.Desired.DryRun);
        if (row.Enforcement.Count > 0)
        {
            w.WriteStartArray("enforcement_turned_on");
            foreach (var e in row.Enforcement) w.WriteStringValue(e.Rule is null ? "(gate)" : e.Rule);
            w.WriteEndArray();
        }

        if (row.Outcome is { } outcome)
        {
            w.WriteString("result", Words.PastTense(outcome.Result));
            if (outcome.GateCreated) w.WriteBoolean("gate_created", true);
        }

        if (row.Error is { } error) w.WriteString("error", error);
        w.WriteStartArray("rules");
        foreach (var rule in gate.Rules) Rule(w, row, rule);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Rule(Utf8JsonWriter w, GateRow row, RulePlan rule)
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
}
