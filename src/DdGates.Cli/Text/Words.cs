using DdGates.Applying;
using DdGates.Cli.Commands.Reconcile;
using DdGates.Planning;

namespace DdGates.Cli.Text;

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

    public static string Verb(GateAction a) => a switch
    {
        GateAction.Create => "create",
        GateAction.Update => "update",
        GateAction.Delete => "delete",
        GateAction.Absent => "absent",
        GateAction.Error => "error",
        _ => "unchanged",
    };

    public static string Symbol(GateAction a) => a switch
    {
        GateAction.Create => "+",
        GateAction.Update => "~",
        GateAction.Delete => "-",
        GateAction.Error => "!",
        _ => "=",
    };

    /// <summary>The mark of a progress line: + created, ~ updated, - deleted, x failed.</summary>
    public static string Mark(GateResult r) => r switch
    {
        GateResult.Created => "+",
        GateResult.Updated => "~",
        GateResult.Deleted => "-",
        GateResult.Failed => "x",
        _ => "=",
    };

    public static string Bool(bool b) => b ? "true" : "false";

    /// <summary>Enforcement turned on, in words: on the gate, a new gate, or a rule.</summary>
    public static string Enforcement(Enforcement e, bool done) => e.Rule switch
    {
        null => $"enforcement {(done ? "turned" : "turns")} on (dry_run: true -> false): the gate can block deploys from now on",
        { } rule => $"rule \"{rule}\": enforcement {(done ? "turned" : "turns")} on (dry_run: true -> false): when it fails, the deploy is blocked",
    };

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

    public static string Plural(int n, string one, string many) => DdGates.Plural.Of(n, one, many);
}
