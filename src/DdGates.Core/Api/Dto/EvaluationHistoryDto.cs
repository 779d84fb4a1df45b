using DdGates.Config;
using DdGates.Reporting;
namespace DdGates.Api.Dto;

/// <summary>One page of ListDeploymentGateEvaluations.</summary>
public sealed class GateEvaluationListResponse
{
    public List<GateEvaluationData> Data { get; set; } = [];
    public ListMeta? Meta { get; set; }
}

public sealed class GateEvaluationData
{
    public string Id { get; set; } = "";
    public string? Type { get; set; }
    public GateEvaluationAttributes Attributes { get; set; } = new();
}

/// <summary>A recorded gate evaluation. <see cref="Status"/> is the real outcome, also for a dry-run gate; <see cref="GateId"/> is null for inline rules.</summary>
public sealed class GateEvaluationAttributes
{
    public bool DryRun { get; set; }
    public long? DurationSeconds { get; set; }
    public string Env { get; set; } = "";
    public string EvaluationId { get; set; } = "";
    public DateTimeOffset? FinishedAt { get; set; }
    public string? GateId { get; set; }
    public string Identifier { get; set; } = "";
    public string Service { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public string Status { get; set; } = "";
    public string Version { get; set; } = "";
}

/// <summary>One page of ListDeploymentRuleEvaluations.</summary>
public sealed class RuleEvaluationListResponse
{
    public List<RuleEvaluationData> Data { get; set; } = [];
    public ListMeta? Meta { get; set; }
}

public sealed class RuleEvaluationData
{
    public string Id { get; set; } = "";
    public string? Type { get; set; }
    public RuleEvaluationAttributes Attributes { get; set; } = new();
}

/// <summary>A recorded rule evaluation, with why it failed.</summary>
public sealed class RuleEvaluationAttributes
{
    public RuleEvaluationConfiguration? Configuration { get; set; }
    public bool DryRun { get; set; }
    public long? DurationSeconds { get; set; }
    public string Env { get; set; } = "";
    public string EvaluationId { get; set; } = "";
    public RuleFailures Failures { get; set; } = new();
    public DateTimeOffset? FinishedAt { get; set; }
    public bool GateDryRun { get; set; }
    public string GateEvaluationId { get; set; } = "";
    public string? GateId { get; set; }
    public string Identifier { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Reason { get; set; }
    public string? RuleId { get; set; }
    public string Service { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public string Status { get; set; } = "";
    public string Type { get; set; } = "";
    public string Version { get; set; } = "";
}

/// <summary>The options as evaluated: unset fields left out, monitor ids as plain strings.</summary>
public sealed class RuleEvaluationConfiguration
{
    public string? Query { get; set; }
    public List<string>? MonitorIds { get; set; }
    public long? Duration { get; set; }
    public long? Warmup { get; set; }
    public bool? FailOnNoData { get; set; }
    public bool? FailOnNoGroupsFound { get; set; }
    public List<string>? ExcludedResources { get; set; }
    public List<string>? AllowedResources { get; set; }
}

public sealed class RuleFailures
{
    public List<string> FaultyApmResources { get; set; } = [];
    public List<FailingMonitor> Monitors { get; set; } = [];
    public List<FailureNarrative> Narratives { get; set; } = [];
}

public sealed class FailingMonitor
{
    public string Id { get; set; } = "";
    public string State { get; set; } = "";
    public string Url { get; set; } = "";
}

public sealed class FailureNarrative
{
    public string Hostgroup { get; set; } = "";
    public string Id { get; set; } = "";
}
