using DdGates.Model;

namespace DdGates.Tests.Support;

/// <summary>Short builders for test tables.</summary>
internal static class Rules
{
    public static RuleSpec Monitor(string name, string query = "service:web", long? duration = null, bool dryRun = false) =>
        new(name, dryRun, new MonitorQueryOptions(query, MonitorSettings.None with { Duration = duration }));

    public static RuleSpec Faulty(string name, long? duration = null, string[]? excluded = null, bool dryRun = false) =>
        new(name, dryRun, new FaultyDeploymentOptions(duration, excluded is null ? null : new(excluded), null));

    public static ActualRule OnServer(RuleSpec spec, string id) => new(id, spec.Name, spec.Type.ToWire(), spec.DryRun, spec.Options);

    public static GateSpec Gate(params RuleSpec[] rules) => new(new GateKey("web", "prod", "default"), false, false, rules);

    public static ActualGate Existing(bool dryRun = false, params ActualRule[] rules) => new("gate-1", new GateKey("web", "prod", "default"), dryRun, rules);
}
