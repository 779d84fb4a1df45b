using DdGates.Model;

namespace DdGates.Planning;

/// <summary>
/// A rule as the server holds it. <see cref="Options"/> is null when the server sent a shape this
/// version does not understand; such a rule never compares equal to a declared one.
/// </summary>
public sealed record ActualRule(string Id, string Name, string Type, bool DryRun, RuleOptions? Options)
{
    public bool Matches(RuleSpec desired) =>
        Name == desired.Name
        && Type == desired.Type.ToWire()
        && DryRun == desired.DryRun
        && Options is not null
        && Options.SameAs(desired.Options);

    public RuleSpec? ToSpec() => Options is null ? null : new RuleSpec(Name, DryRun, Options);
}
