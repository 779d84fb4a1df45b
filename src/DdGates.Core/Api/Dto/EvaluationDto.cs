using DdGates.Evaluation;
namespace DdGates.Api.Dto;

public sealed class EvaluationRequestData
{
    public string Type { get; set; } = "deployment_gates_evaluation_request";
    public EvaluationRequestAttributes Attributes { get; set; } = new();
}

public sealed class EvaluationRequestAttributes
{
    public string Service { get; set; } = "";
    public string Env { get; set; } = "";
    public string? Identifier { get; set; }
    public string? Version { get; set; }
    public string? PrimaryTag { get; set; }

    /// <summary>The same value as <see cref="PrimaryTag"/>, under the name datadog-ci sends (see <see cref="PrimaryTagNames"/>).</summary>
    public string? ApmPrimaryTag { get; set; }

    public EvaluationConfiguration? Configuration { get; set; }
}

/// <summary>
/// WARNING: the primary tag has two names in the wild, and which one the service reads cannot be settled offline: the
/// spec and Datadog's five generated clients send <c>primary_tag</c>; datadog-ci has sent <c>apm_primary_tag</c> in every
/// release. The request carries both, with one value (docs/datadog-api.md, "The primary tag").
/// </summary>
public static class PrimaryTagNames
{
    public const bool SendBoth = true;
}

/// <summary>Inline ("just in time") rules: evaluated without a stored gate.</summary>
public sealed class EvaluationConfiguration
{
    public bool? DryRun { get; set; }
    public List<EvaluationRule> Rules { get; set; } = [];
}

public sealed class EvaluationRule
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public bool? DryRun { get; set; }
    public RuleOptionsDto? Options { get; set; }
}

public sealed class EvaluationResponseData
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public EvaluationResponseAttributes Attributes { get; set; } = new();
}

public sealed class EvaluationResponseAttributes
{
    public string EvaluationId { get; set; } = "";
}

public sealed class EvaluationResultData
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public EvaluationResultAttributes Attributes { get; set; } = new();
}

public sealed class EvaluationResultAttributes
{
    public bool DryRun { get; set; }
    public string EvaluationId { get; set; } = "";
    public string EvaluationUrl { get; set; } = "";
    public string? GateId { get; set; }
    public string GateStatus { get; set; } = "";
    public List<EvaluationRuleResult> Rules { get; set; } = [];
}

public sealed class EvaluationRuleResult
{
    public string? Name { get; set; }
    public string? Status { get; set; }
    public string? Reason { get; set; }
    public bool? DryRun { get; set; }
}
