namespace DdGates.Model;

/// <summary>
/// A rule as the server holds it. <see cref="TypeName"/> is the wire string, kept for messages;
/// <see cref="Type"/> is null for a type this version does not know. <see cref="Options"/> is null when
/// the server sent a shape this version does not understand; such a rule never compares equal to a declared one.
/// </summary>
public sealed record ActualRule(string Id, string Name, string TypeName, bool DryRun, RuleOptions? Options)
{
    public RuleType? Type => RuleTypeNames.FromWire(TypeName);

    public bool Matches(RuleSpec desired) =>
        Name == desired.Name
        && Type == desired.Type
        && DryRun == desired.DryRun
        && Options is not null
        && Options.SameAs(desired.Options);
}
