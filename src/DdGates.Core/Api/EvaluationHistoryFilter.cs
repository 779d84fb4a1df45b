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

    /// <summary>The window's ends and the booleans as the API writes them.</summary>
    public string? FromText => From?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public string? ToText => To?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public string? DryRunText => Bool(DryRun);

    public string? GateDryRunText => Bool(GateDryRun);

    private static string? Bool(bool? b) => b switch { true => "true", false => "false", null => null };
}
