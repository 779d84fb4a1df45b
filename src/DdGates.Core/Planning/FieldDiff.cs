using DdGates.Model;

namespace DdGates.Planning;

/// <summary>Field-by-field before/after of a rule, over normalized options, for plans and summaries.</summary>
internal static class FieldDiff
{
    public static IReadOnlyList<FieldChange> Of(ActualRule? before, RuleSpec? after)
    {
        var old = Fields(before?.TypeName, before?.DryRun, before?.Options);
        var @new = Fields(after?.Type.ToWire(), after?.DryRun, after?.Options);
        var changes = new List<FieldChange>();
        foreach (var key in old.Keys.Concat(@new.Keys).Distinct())
        {
            var b = old.GetValueOrDefault(key);
            var a = @new.GetValueOrDefault(key);
            if (b != a) changes.Add(new FieldChange(key, b, a));
        }

        return changes;
    }

    private static Dictionary<string, string> Fields(string? type, bool? dryRun, RuleOptions? options)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (type is null) return fields;
        fields["type"] = type;
        fields["dry_run"] = dryRun == true ? "true" : "false";
        if (options is null)
        {
            fields["options"] = "(not understood by this version)";
            return fields;
        }

        foreach (var (key, value) in options.Normalize().Describe()) fields["options." + key] = value;
        return fields;
    }
}
