using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Applying;

/// <summary>What happened to one planned rule change; <see cref="Error"/> is null when it was applied.</summary>
public sealed record RuleOutcome(string Name, RuleChange Change, string? Error = null)
{
    public bool Applied => Error is null;
}
