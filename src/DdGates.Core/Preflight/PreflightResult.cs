namespace DdGates.Preflight;

/// <summary>
/// The preflight of a plan or apply, decided once: each monitor rule's check, the searches it took, and, when the key
/// may not search monitors, why it was skipped. Every view shows this; none counts again.
/// </summary>
public sealed record PreflightResult(IReadOnlyList<RuleCheck> Rules, int Searches, string? Skipped, Uri? App = null)
{
    public static readonly PreflightResult Off = new([], 0, null);

    /// <summary>The preflight ran (it may still have been skipped for want of the permission).</summary>
    public bool Ran => Searches > 0 || Skipped is not null || Rules.Count > 0;

    /// <summary>A monitor's page, for links.</summary>
    public string Link(Api.MonitorHit hit) => hit.Url(App ?? new Uri("https://app.datadoghq.com/"));

    public IEnumerable<RuleCheck> Warnings => Rules.Where(r => r.IsWarning);

    /// <summary>What <c>--preflight fail</c> stops on: a warning on a rule that blocks deploys (neither it nor its gate is dry run).</summary>
    public IReadOnlyList<RuleCheck> Blocking => [.. Warnings.Where(r => !r.DryRun)];

    /// <summary>Why <c>--preflight fail</c> stops: the blocking rules, each with what it matched.</summary>
    public string Stops => $"the preflight fails {Plural.Of(Blocking.Count, "monitor rule", "monitor rules")} that would fail every evaluation " +
                           $"({string.Join("; ", Blocking.Select(r => $"{r.Gate} \"{r.Rule}\": {r.Summary}"))})";

    /// <summary>"Monitor rules: 4 checked (3 distinct queries); 1 matches no monitor, 1 matches more than 50, 1 could not be checked."</summary>
    public string Headline
    {
        get
        {
            if (Skipped is not null) return $"Monitor rules: not checked. {Skipped}";
            var parts = new List<string>();
            if (Rules.Count(r => r.Verdict == MatchVerdict.MatchesNothing) is > 0 and var none) parts.Add($"{none} {(none == 1 ? "matches" : "match")} no monitor");
            if (Rules.Count(r => r.Verdict == MatchVerdict.MatchesTooMany) is > 0 and var many) parts.Add($"{many} {(many == 1 ? "matches" : "match")} more than {RuleCheck.MaxMonitors}");
            if (Rules.Count(r => r.Verdict == MatchVerdict.CouldNotCheck) is > 0 and var unknown) parts.Add($"{unknown} could not be checked");
            var checkedText = $"Monitor rules: {Rules.Count} checked ({Plural.Of(Searches, "search", "searches")})";
            return parts.Count == 0 ? $"{checkedText}; each matches 1 to {RuleCheck.MaxMonitors} monitors." : $"{checkedText}; {string.Join(", ", parts)}.";
        }
    }
}
