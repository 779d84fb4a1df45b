using DdGates.Model;

namespace DdGates.Planning;

/// <summary>
/// The planned change for one rule name. <see cref="Actual"/> is the server rule acted on (the old
/// one for a replacement); <see cref="Note"/> says why where the reason is not obvious.
/// </summary>
public sealed record RulePlan(
    string Name,
    RuleChange Change,
    RuleSpec? Desired,
    ActualRule? Actual,
    IReadOnlyList<FieldChange> Fields,
    string? Note = null)
{
    public bool IsWrite => Change is RuleChange.Create or RuleChange.Update or RuleChange.Replace or RuleChange.Delete;
}
