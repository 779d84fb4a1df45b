namespace DdGates.Model;

/// <summary>
/// Rule options as a closed union: each case carries only its own fields, and the rule type follows
/// from the case. Equality is structural over the normalized form (see <see cref="Normalize"/>).
/// </summary>
public abstract record RuleOptions
{
    private protected RuleOptions() { }

    public abstract RuleType Type { get; }

    /// <summary>Server defaults filled in and echo quirks removed, so that two equal intents compare equal.</summary>
    public abstract RuleOptions Normalize();

    /// <summary>Field name to display value, in wire names, for plans and summaries.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> Describe();

    public bool SameAs(RuleOptions other) => Normalize().Equals(other.Normalize());
}
