namespace DdGates.Emulator;

/// <summary>A monitor that fails a rule, as the rule-evaluation history names it.</summary>
public sealed record ScriptedMonitor(string Id, string State = "Alert");

/// <summary>
/// How one rule's evaluation turns out: its final status, its reason, when it gets there, and (when it fails)
/// the monitors or APM resources that made it fail.
/// </summary>
public sealed record RuleScript(string Status = "pass", string? Reason = null, double AfterSeconds = 0,
    IReadOnlyList<ScriptedMonitor>? Monitors = null, IReadOnlyList<string>? FaultyResources = null);

/// <summary>
/// What evaluations answer, set by tests through <c>POST /_emulator/evaluations</c>: outcomes per rule
/// name (others use <see cref="Default"/>), how long the result stays 404 after the trigger, and how long a
/// new gate stays unknown to the trigger (the service is eventually consistent).
/// </summary>
public sealed record EvaluationScript
{
    public IReadOnlyDictionary<string, RuleScript> Rules { get; init; } = new Dictionary<string, RuleScript>();
    public RuleScript Default { get; init; } = new();
    public double NotFoundForSeconds { get; init; }
    public double NewGateUnknownForSeconds { get; init; }

    public RuleScript For(string rule) => Rules.TryGetValue(rule, out var script) ? script : Default;
}
