using DdGates.Applying;
using DdGates.Cli.Text;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>
/// The counts of one plan or apply, made once from its rows: gates by what happens to them, rules by their change
/// (labelled as rules), and after apply, gates by result. Every surface prints <see cref="Sentence"/>.
/// </summary>
public sealed class ChangeCounts
{
    private static readonly RuleChange[] RuleWrites = [RuleChange.Create, RuleChange.Update, RuleChange.Replace, RuleChange.Delete];

    private ChangeCounts(IReadOnlyList<GateRow> rows, bool applied)
    {
        Applied = applied;
        foreach (var action in Enum.GetValues<GateAction>()) Gates[action] = rows.Count(r => r.Action == action);
        foreach (var change in Enum.GetValues<RuleChange>()) Rules[change] = rows.Where(r => r.Action != GateAction.Error).Sum(r => r.Shown.Rules.Count(x => x.Change == change));
        foreach (var result in Enum.GetValues<GateResult>()) Results[result] = rows.Count(r => r.Outcome?.Result == result);
        CreatedPartly = rows.Count(r => r.CreatedPartly);
        Enforcing = rows.Count(r => r.Enforcement.Count > 0);
        Total = rows.Count;
    }

    public static ChangeCounts Of(IReadOnlyList<GateRow> rows, bool applied) => new(rows, applied);

    public bool Applied { get; }

    public int Total { get; }

    public Dictionary<GateAction, int> Gates { get; } = [];

    public Dictionary<RuleChange, int> Rules { get; } = [];

    public Dictionary<GateResult, int> Results { get; } = [];

    /// <summary>Gates apply created whose rules then failed (counted as failed too).</summary>
    public int CreatedPartly { get; }

    /// <summary>Gates on which the plan turns enforcement on.</summary>
    public int Enforcing { get; }

    public int Changing => Gates[GateAction.Create] + Gates[GateAction.Update] + Gates[GateAction.Delete];

    /// <summary>"Gates: 1 to create, 3 to update, 1 to delete, 1 unchanged. Rules: 4 to update, 1 to create." (apply: "1 created, ...").</summary>
    public string Sentence()
    {
        var gates = Applied ? GateResults() : GatePlans();
        var text = $"Gates: {string.Join(", ", gates)}.";
        var rules = RuleWrites.Where(c => Rules[c] > 0).Select(c => $"{Rules[c]} {(Applied ? Words.PastTense(c) : "to " + Words.Verb(c))}").ToList();
        if (Rules[RuleChange.Unmanaged] > 0) rules.Add($"{Rules[RuleChange.Unmanaged]} unmanaged (kept)");
        text += rules.Count > 0 ? $" Rules: {string.Join(", ", rules)}." : " Rules: no changes.";
        return text;
    }

    private List<string> GatePlans()
    {
        var parts = new List<string>();
        foreach (var (action, word) in new[] { (GateAction.Create, "to create"), (GateAction.Update, "to update"), (GateAction.Delete, "to delete"),
                     (GateAction.Unchanged, "unchanged"), (GateAction.Absent, "absent (nothing to delete)"), (GateAction.Error, "in error") })
        {
            if (Gates[action] > 0) parts.Add($"{Gates[action]} {word}");
        }

        return parts.Count > 0 ? parts : ["none selected"];
    }

    private List<string> GateResults()
    {
        var parts = new List<string>();
        foreach (var result in new[] { GateResult.Created, GateResult.Updated, GateResult.Deleted, GateResult.Unchanged, GateResult.Failed })
        {
            if (Results[result] > 0) parts.Add($"{Results[result]} {Words.PastTense(result)}");
        }

        if (CreatedPartly > 0) parts.Add($"of the failed, {CreatedPartly} created with rules missing");
        return parts.Count > 0 ? parts : ["none selected"];
    }
}
