using DdGates.Api;
using DdGates.Model;

namespace DdGates.Preflight;

public enum MatchVerdict
{
    /// <summary>1 to 50 monitors: the rule can work.</summary>
    Fine,
    MatchesNothing,
    MatchesTooMany,
    CouldNotCheck,
}

/// <summary>One monitor rule of one gate and what its query matched (shared with every rule of the same query).</summary>
public sealed record RuleCheck(GateKey Gate, string Rule, string Query, bool DryRun, MonitorMatches? Matches, string? CouldNotCheck)
{
    /// <summary>Datadog fails a monitor rule that selects more than this many monitors.</summary>
    public const int MaxMonitors = 50;

    public MatchVerdict Verdict => Matches switch
    {
        null => MatchVerdict.CouldNotCheck,
        { Total: 0 } => MatchVerdict.MatchesNothing,
        { Total: > MaxMonitors } => MatchVerdict.MatchesTooMany,
        _ => MatchVerdict.Fine,
    };

    public bool IsWarning => Verdict is MatchVerdict.MatchesNothing or MatchVerdict.MatchesTooMany;

    /// <summary>"matches 3 monitors", "matches no monitor", "could not check: ..."</summary>
    public string Summary => Verdict switch
    {
        MatchVerdict.CouldNotCheck => $"could not check: {CouldNotCheck}",
        MatchVerdict.MatchesNothing => "matches no monitor",
        _ => $"matches {Plural.Of(Matches!.Total, "monitor", "monitors")}",
    };

    /// <summary>The warning for a count Datadog fails the rule on, saying what Datadog will (or, dry run, would) do; null when fine.</summary>
    public string? Warning => Verdict switch
    {
        MatchVerdict.MatchesNothing =>
            $"{Gate}, rule \"{Rule}\": no monitor matches {Quoted}. Datadog fails a monitor rule that matches no monitor " +
            $"(a server with fail_on_no_groups_found: false may instead pass it without evaluating anything), so {Consequence}. Check the query for a typo.",
        MatchVerdict.MatchesTooMany =>
            $"{Gate}, rule \"{Rule}\": {Matches!.Total} monitors match {Quoted}, more than the {MaxMonitors} Datadog allows, so {Consequence}. Narrow the query.",
        _ => null,
    };

    private string Quoted => $"\"{Query}\" (not muted)";

    private string Consequence => DryRun
        ? "every evaluation would fail it, which would block the deploy once the rule and its gate are enforced; it is dry run now, so it blocks nothing yet"
        : "every evaluation fails it and blocks the deploy while the gate is enforced";
}
