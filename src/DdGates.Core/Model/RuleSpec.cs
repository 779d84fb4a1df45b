namespace DdGates.Model;

/// <summary>A rule as declared or as read from the server. Within a gate a rule is identified by its name.</summary>
public sealed record RuleSpec(string Name, bool DryRun, RuleOptions Options)
{
    public RuleType Type => Options.Type;
}
