namespace DdGates.Planning;

/// <summary>Enforcement turned on by a plan: on the gate itself (<paramref name="Rule"/> null) or on one rule.</summary>
public sealed record Enforcement(string? Rule);
