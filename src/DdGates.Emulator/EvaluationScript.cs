namespace DdGates.Emulator;

/// <summary>How one rule's evaluation turns out: its final status, its reason, and when it gets there.</summary>
public sealed record RuleScript(string Status = "pass", string? Reason = null, double AfterSeconds = 0);

/// <summary>
/// What evaluations answer, set by tests through <c>POST /_emulator/evaluations</c>: outcomes per rule
/// name (others use <see cref="Default"/>), and how long the result stays 404 after the trigger.
/// </summary>
public sealed record EvaluationScript
{
    public IReadOnlyDictionary<string, RuleScript> Rules { get; init; } = new Dictionary<string, RuleScript>();
    public RuleScript Default { get; init; } = new();
    public double NotFoundForSeconds { get; init; }

    public RuleScript For(string rule) => Rules.TryGetValue(rule, out var script) ? script : Default;
}
