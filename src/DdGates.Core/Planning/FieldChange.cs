namespace DdGates.Planning;

/// <summary>One field's value before and after, as displayed; null means absent.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
