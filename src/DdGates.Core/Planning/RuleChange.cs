namespace DdGates.Planning;

/// <summary>What the plan does to one rule. Past participles name the outcome of applying it.</summary>
public enum RuleChange
{
    Unchanged,
    Create,
    Update,
    /// <summary>The type changed, which the API cannot update: create the new rule, then delete the old one.</summary>
    Replace,
    Delete,
    /// <summary>On the server but not in the file: kept, and reported, unless prune is on.</summary>
    Unmanaged,
}
