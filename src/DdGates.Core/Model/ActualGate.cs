namespace DdGates.Model;

/// <summary>A gate as the server holds it, with its rules when they were read.</summary>
public sealed record ActualGate(string Id, GateKey Key, bool DryRun, IReadOnlyList<ActualRule> Rules);
