using DdGates.Api.Dto;
using DdGates.Evaluation;
using DdGates.Model;

namespace DdGates.Reporting;

/// <summary>The pure part of the report: a gate's history rows in, its counts and verdict out. No I/O.</summary>
public static class ReadinessCalculator
{
    private const int MonitorsShown = 5;

    /// <param name="gate">The stored gate, or null when Datadog has none with this key.</param>
    /// <param name="evaluations">Gate evaluation rows of the window; rows of other gates (inline evaluations) are ignored.</param>
    /// <param name="failedRules">Failed rule evaluation rows of the window.</param>
    public static GateReadiness Of(GateKey key, ActualGate? gate, IEnumerable<GateEvaluationData> evaluations,
        IEnumerable<RuleEvaluationData> failedRules, int minEvaluations)
    {
        if (gate is null) return new GateReadiness(key, null, false, 0, 0, 0, 0, 0, 0, [], null, Readiness.NoData, "no such gate in Datadog");
        var rows = evaluations.Where(e => e.Attributes.GateId == gate.Id).DistinctBy(e => e.Attributes.EvaluationId).ToList();
        var rules = failedRules.Select(r => r.Attributes).Where(r => r.GateId == gate.Id && r.Status == "fail").ToList();
        // WARNING: a rule row's gate_evaluation_id is matched against the gate row's id and its evaluation_id: the
        // clients do not say which of the two it names (docs/datadog-api.md), and the emulator makes them equal.
        var byGateEvaluation = rules.ToLookup(r => r.GateEvaluationId);
        var rulesByEvaluation = rows.ToDictionary(e => e.Attributes.EvaluationId,
            e => byGateEvaluation[e.Attributes.EvaluationId].Concat(e.Id == e.Attributes.EvaluationId ? [] : byGateEvaluation[e.Id]).ToList());
        var finished = rows.Select(e => e.Attributes).Where(e => e.Status is "pass" or "fail").ToList();

        bool Blocked(GateEvaluationAttributes e) => !e.DryRun && e.Status == "fail";
        bool WouldHaveBlocked(GateEvaluationAttributes e) =>
            !Blocked(e) && (e.Status == "fail" || rulesByEvaluation[e.EvaluationId].Any(r => r.DryRun));

        var blocked = finished.Count(Blocked);
        var wouldHave = finished.Count(WouldHaveBlocked);
        var last = finished.Where(e => Blocked(e) || WouldHaveBlocked(e)).MaxBy(e => e.StartedAt);
        var lastFailure = last is null ? null : new LastFailure(last.EvaluationId, last.FinishedAt ?? last.StartedAt,
            [.. rulesByEvaluation[last.EvaluationId].SelectMany(r => r.Failures.Monitors.Select(m => (m, r))).DistinctBy(x => x.m.Id)
                .Select(x => new MonitorFailure(x.m.Id, x.m.State, MonitorLink.Window(x.m.Url, x.r.StartedAt, x.r.FinishedAt, x.r.Configuration?.Duration)))]);

        var (verdict, reason) = Verdict(finished.Count, wouldHave, blocked, minEvaluations, gate.DryRun || rows.Any(e => e.Attributes.DryRun));
        return new GateReadiness(key, gate.Id, gate.DryRun, finished.Count, rows.Count - finished.Count,
            finished.Count(e => e.Status == "pass"), finished.Count(e => e.Status == "fail"), blocked, wouldHave,
            FailingRules(rules), lastFailure, verdict, reason);
    }

    private static (Readiness, string) Verdict(int finished, int wouldHave, int blocked, int minEvaluations, bool dryRun)
    {
        if (finished == 0) return (Readiness.NoData, "no finished evaluation in the window");
        if (wouldHave > 0) return (Readiness.NotReady, $"{wouldHave} of {finished} evaluations would have blocked the deploy");
        if (!dryRun) return (Readiness.Enforced, $"{finished} finished evaluations, {blocked} blocked the deploy");
        if (finished < minEvaluations) return (Readiness.NotReady, $"only {finished} finished evaluations; at least {minEvaluations} are needed");
        return (Readiness.Ready, dryRun
            ? $"{finished} evaluations and none would have blocked: ready to enforce"
            : $"{finished} evaluations and none would have blocked");
    }

    /// <summary>Rules by how many evaluations they failed in, most first; a rule is marked dry run when it failed as one.</summary>
    private static List<RuleFailures> FailingRules(List<RuleEvaluationAttributes> rules) =>
    [
        .. rules.GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => new RuleFailures(g.Key, g.Any(r => r.DryRun), g.Select(r => r.GateEvaluationId).Distinct().Count(),
                [.. g.SelectMany(r => r.Failures.Monitors.DistinctBy(m => m.Id))
                    .GroupBy(m => m.Id)
                    .Select(m => new MonitorCount(m.Key, m.Count(), m.First().Url))
                    .OrderByDescending(m => m.Evaluations).ThenBy(m => m.Id, StringComparer.Ordinal)
                    .Take(MonitorsShown)],
                [.. g.SelectMany(r => r.Failures.FaultyApmResources).Distinct().Order(StringComparer.Ordinal)]))
            .OrderByDescending(r => r.Evaluations).ThenBy(r => r.Name, StringComparer.Ordinal),
    ];
}
