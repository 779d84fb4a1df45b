using DdGates.Evaluation;
using DdGates.Planning;
namespace DdGates.Cli.Inputs;

/// <summary>Every output of the step, once; action.yml and task.json are checked against it by a test.</summary>
public static class OutputTable
{
    public static readonly OutputSpec GateId = new("gate-id", "gateId", "Id of the gate, when exactly one gate was selected.");
    public static readonly OutputSpec GateIds = new("gate-ids", "gateIds", "JSON object: \"service/env/identifier\" -> gate id, for every selected gate.");
    public static readonly OutputSpec Changed = new("changed", "changed", "true when something changed (apply) or would change (plan).");
    public static readonly OutputSpec Result = new("result", "result",
        "apply: created, updated, deleted, unchanged or failed (created only when every changed gate was new, deleted only when every changed gate was deleted). plan: pending or unchanged. report: ready (every gate) or not-ready. export: exported. invalid on bad input.");
    public static readonly OutputSpec PlanHash = new("plan-hash", "planHash",
        "plan and apply: a short hash of the changes the plan would make; give it to expect-plan to apply exactly what was reviewed.");
    public static readonly OutputSpec PlanJson = new("plan", "plan", "The plan (and, after apply, each outcome) as JSON: the document of dd-gates -o json.");

    public static readonly OutputSpec EvaluationId = new("evaluation-id", "evaluationId", "evaluate: id of the evaluation.");
    public static readonly OutputSpec EvaluationUrl = new("evaluation-url", "evaluationUrl", "evaluate: the evaluation in Datadog.");
    public static readonly OutputSpec GateStatus = new("gate-status", "gateStatus", "evaluate: pass, fail, error, timeout or invalid.");
    public static readonly OutputSpec RulesJson = new("rules", "rules", "evaluate: JSON array of the rules with name, status, reason and dry_run; a failed rule also has monitors (id, state, url) and faulty_resources when Datadog's history has them.");

    public static readonly OutputSpec ReportJson = new("report", "report", "report: the report as JSON (the document of dd-gates report -o json), with verdict, evaluations and would_have_blocked per gate.");

    public static readonly IReadOnlyList<OutputSpec> All = [GateId, GateIds, Changed, Result, PlanHash, PlanJson, EvaluationId, EvaluationUrl, GateStatus, RulesJson, ReportJson];
}
