using DdGates.Config;
namespace DdGates.Api.Dto;

/// <summary>JSON:API resource object for a rule (request and response).</summary>
public sealed class RuleData
{
    public string? Id { get; set; }
    public string Type { get; set; } = "deployment_rule";
    public RuleAttributes Attributes { get; set; } = new();
}

public sealed class RuleAttributes
{
    /// <summary>Present in list items although the spec omits it (docs/datadog-api.md).</summary>
    public string? Id { get; set; }
    public string? GateId { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public bool? DryRun { get; set; }
    public RuleOptionsDto? Options { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public UserRef? CreatedBy { get; set; }
    public UserRef? UpdatedBy { get; set; }
}

/// <summary>The flat union of every options shape; which one it is follows from the fields present.</summary>
public sealed class RuleOptionsDto
{
    public string? Query { get; set; }
    public List<MonitorIdDto>? MonitorIds { get; set; }
    public long? Duration { get; set; }
    public long? Warmup { get; set; }
    public bool? FailOnNoData { get; set; }
    public bool? FailOnNoGroupsFound { get; set; }
    public List<string>? ExcludedResources { get; set; }
    public List<string>? AllowedResources { get; set; }
}

public sealed class MonitorIdDto
{
    public string Id { get; set; } = "";
    public List<string> Groups { get; set; } = [];
}

public sealed class RuleListData
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public RuleListAttributes Attributes { get; set; } = new();
}

public sealed class RuleListAttributes
{
    public List<RuleAttributes> Rules { get; set; } = [];
}
