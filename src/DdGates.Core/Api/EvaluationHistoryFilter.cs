using System.Globalization;

namespace DdGates.Api;

/// <summary>
/// Filters of the two evaluation-history lists. The window (<see cref="From"/> inclusive, <see cref="To"/>
/// exclusive, on the gate evaluation's start) spans at most <see cref="MaxWindow"/>; left out, the service
/// takes the last 24 hours. List filters are ORed within one field. The last five apply to rule evaluations only.
/// </summary>
public sealed record EvaluationHistoryFilter
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public IReadOnlyList<string>? Service { get; init; }
    public IReadOnlyList<string>? Env { get; init; }
    public IReadOnlyList<string>? Identifier { get; init; }
    public IReadOnlyList<string>? Status { get; init; }
    public IReadOnlyList<string>? Version { get; init; }
    public bool? DryRun { get; init; }
    public string? EvaluationId { get; init; }
    public string? GateId { get; init; }
    public string? GateEvaluationId { get; init; }
    public string? RuleId { get; init; }
    public IReadOnlyList<string>? Type { get; init; }
    public IReadOnlyList<string>? Name { get; init; }
    public bool? GateDryRun { get; init; }

    /// <summary>The query string, without paging; rule-only filters only when <paramref name="rules"/>.</summary>
    public string ToQuery(bool rules)
    {
        var parts = new List<(string Name, string Value)>();
        void One(string name, string? value) { if (value is not null) parts.Add((name, value)); }
        void Many(string name, IReadOnlyList<string>? values) { foreach (var v in values ?? []) parts.Add((name, v)); }
        One("from", From?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        One("to", To?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Many("service", Service);
        Many("env", Env);
        Many("identifier", Identifier);
        Many("status", Status);
        Many("version", Version);
        One("dry_run", Bool(DryRun));
        One("evaluation_id", EvaluationId);
        One("gate_id", GateId);
        if (rules)
        {
            One("gate_evaluation_id", GateEvaluationId);
            One("rule_id", RuleId);
            Many("type", Type);
            Many("name", Name);
            One("gate_dry_run", Bool(GateDryRun));
        }

        return string.Join("&", parts.Select(p => $"filter[{p.Name}]={Uri.EscapeDataString(p.Value)}"));
    }

    private static string? Bool(bool? b) => b switch { true => "true", false => "false", null => null };
}
