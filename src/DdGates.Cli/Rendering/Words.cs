using DdGates.Applying;
using DdGates.Planning;

namespace DdGates.Cli.Rendering;

/// <summary>The words every renderer uses, so text, JSON and summaries say the same thing.</summary>
public static class Words
{
    public static string Verb(RuleChange c) => c switch
    {
        RuleChange.Create => "create",
        RuleChange.Update => "update",
        RuleChange.Replace => "replace",
        RuleChange.Delete => "delete",
        RuleChange.Unmanaged => "unmanaged",
        _ => "unchanged",
    };

    /// <summary>What happens to the gate as a whole: a rule change makes it an update too.</summary>
    public static string Verb(GatePlan gate) =>
        gate.Error is not null ? "error"
        : gate.Change == GateChange.Create ? "create"
        : gate.Change == GateChange.Delete ? "delete"
        : gate.Desired.Absent ? "absent"
        : gate.HasWrites ? "update"
        : "unchanged";

    /// <summary>"field: after" for a new value, "field: before → after" for a change.</summary>
    public static string Change(FieldChange f, string arrow = "->") => (f.Before, f.After) switch
    {
        (null, { } a) => $"{f.Field}: {a}",
        ({ } b, null) => $"{f.Field}: {b} {arrow} (none)",
        _ => $"{f.Field}: {f.Before} {arrow} {f.After}",
    };

    public static string PastTense(RuleChange c) => c switch
    {
        RuleChange.Create => "created",
        RuleChange.Update => "updated",
        RuleChange.Replace => "replaced",
        RuleChange.Delete => "deleted",
        RuleChange.Unmanaged => "kept (unmanaged)",
        _ => "unchanged",
    };

    public static string PastTense(GateResult r) => r switch
    {
        GateResult.Created => "created",
        GateResult.Updated => "updated",
        GateResult.Deleted => "deleted",
        GateResult.Failed => "failed",
        _ => "unchanged",
    };

    public static string Symbol(RuleChange c) => c switch
    {
        RuleChange.Create => "+",
        RuleChange.Update => "~",
        RuleChange.Replace => "-/+",
        RuleChange.Delete => "-",
        RuleChange.Unmanaged => "?",
        _ => "=",
    };

    public static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    /// <summary>One sentence of counts: "1 gate to create, 2 to update; rules: 3 to create".</summary>
    public static string Totals(Plan plan)
    {
        var gates = new List<string>();
        if (plan.Count(GateChange.Create) is > 0 and var c) gates.Add($"{c} to create");
        if (plan.Count(GateChange.Update) is > 0 and var u) gates.Add($"{u} to update");
        if (plan.Count(GateChange.Delete) is > 0 and var d) gates.Add($"{d} to delete");
        var rules = new List<string>();
        foreach (var change in new[] { RuleChange.Create, RuleChange.Update, RuleChange.Replace, RuleChange.Delete })
        {
            if (plan.Count(change) is > 0 and var n) rules.Add($"{n} to {Verb(change)}");
        }

        var text = $"{Plural(plan.Gates.Count, "gate", "gates")}" + (gates.Count > 0 ? $" ({string.Join(", ", gates)})" : "");
        text += rules.Count > 0 ? $"; rules: {string.Join(", ", rules)}" : "; no rule changes";
        if (plan.Count(RuleChange.Unmanaged) is > 0 and var kept) text += $"; {Plural(kept, "unmanaged rule", "unmanaged rules")} kept";
        if (plan.Gates.Count(g => g.Error is not null) is > 0 and var errors) text += $"; {Plural(errors, "gate", "gates")} in error";
        return text + ".";
    }
}
