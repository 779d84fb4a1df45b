using DdGates.Api.Dto;
using DdGates.Evaluation;
using DdGates.Model;

namespace DdGates.Reporting;

public enum Readiness
{
    /// <summary>Enough finished evaluations, and none would have blocked: safe to enforce.</summary>
    Ready,
    NotReady,
    /// <summary>The gate and its rules are enforced already (no dry run in the window): nothing left to decide.</summary>
    Enforced,
    /// <summary>No finished evaluation in the window (or no such gate).</summary>
    NoData,
}

/// <summary>
/// One gate over the report's window, from its evaluation history (evaluations of the stored gate only, not inline ones).
/// <see cref="Blocked"/>: failed while enforced. <see cref="WouldHaveBlocked"/>: did not block, but would have with every
/// rule enforced (the gate failed in dry run, or a dry-run rule failed).
/// </summary>
public sealed record GateReadiness(
    GateKey Key,
    string? GateId,
    bool DryRun,
    int Evaluations,
    int InProgress,
    int Passes,
    int Failures,
    int Blocked,
    int WouldHaveBlocked,
    IReadOnlyList<RuleFailures> FailingRules,
    LastFailure? LastFailure,
    Readiness Verdict,
    string Reason);

/// <summary>A rule that failed in the window: in how many evaluations, and the monitors that failed it most.</summary>
public sealed record RuleFailures(string Name, bool DryRun, int Evaluations, IReadOnlyList<MonitorCount> Monitors, IReadOnlyList<string> FaultyResources);

public sealed record MonitorCount(string Id, int Evaluations, string Url);

/// <summary>The newest evaluation that blocked or would have: when, which, and its failing monitors with their links.</summary>
public sealed record LastFailure(string EvaluationId, DateTimeOffset At, IReadOnlyList<MonitorFailure> Monitors);

/// <summary>Every selected gate over one window.</summary>
public sealed record ReadinessReport(DateTimeOffset From, DateTimeOffset To, int MinEvaluations, IReadOnlyList<GateReadiness> Gates)
{
    public bool AllReady => Gates.Count > 0 && Gates.All(g => g.Verdict is Readiness.Ready or Readiness.Enforced);

    public int Count(Readiness verdict) => Gates.Count(g => g.Verdict == verdict);
}
