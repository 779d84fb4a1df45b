using DdGates.Model;
using DdGates.Planning;

namespace DdGates.Applying;

public enum GateResult
{
    Unchanged,
    Created,
    Updated,
    Failed,
}

/// <summary>What happened to one planned rule change; <see cref="Error"/> is null when it was applied.</summary>
public sealed record RuleOutcome(string Name, RuleChange Change, string? Error = null)
{
    public bool Applied => Error is null;
}

/// <summary>What happened to one gate, rule by rule, so a partial failure says exactly what was done.</summary>
public sealed record GateOutcome(GateKey Key, string? GateId, GateResult Result, IReadOnlyList<RuleOutcome> Rules, string? Error = null, string? Note = null);

public sealed record ApplyResult(IReadOnlyList<GateOutcome> Gates)
{
    public bool Succeeded => Gates.All(g => g.Result != GateResult.Failed);

    public int Count(GateResult result) => Gates.Count(g => g.Result == result);
}
