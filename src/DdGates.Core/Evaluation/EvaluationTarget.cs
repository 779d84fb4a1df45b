using DdGates.Api;
using DdGates.Api.Dto;
using DdGates.Model;

namespace DdGates.Evaluation;

/// <summary>What to evaluate: the gate's key, the deploy's version and primary tag, and rules to send inline (or none: use the stored gate).</summary>
public sealed record EvaluationTarget(GateKey Key, string? Version, string? PrimaryTag, GateSpec? InlineRules)
{
    /// <summary>This run created the stored gate just before evaluating it (a short 404 on the trigger is then expected).</summary>
    public bool GateJustCreated { get; init; }

    public EvaluationRequestAttributes ToRequest() => new()
    {
        Service = Key.Service,
        Env = Key.Env,
        Identifier = Key.Identifier,
        Version = string.IsNullOrEmpty(Version) ? null : Version,
        PrimaryTag = string.IsNullOrEmpty(PrimaryTag) ? null : PrimaryTag,
        Configuration = InlineRules is null ? null : new EvaluationConfiguration
        {
            DryRun = InlineRules.DryRun,
            Rules = [.. InlineRules.Rules.Select(r => new EvaluationRule
            {
                Name = r.Name,
                Type = r.Type.ToWire(),
                DryRun = r.DryRun,
                Options = WireMapping.ToDto(r.Options),
            })],
        },
    };
}
