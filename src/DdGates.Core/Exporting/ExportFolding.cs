using DdGates.Model;

namespace DdGates.Exporting;

/// <summary>
/// The pure part of export: gates with their rules in, file entries out. Gates of one service and identifier whose
/// rules are the same (names, types and options, in the server's order) fold into one entry, whatever their dry_run.
/// Options are written normalized, so the service's defaults are left out.
/// </summary>
public static class ExportFolding
{
    public static ExportedFile Fold(IEnumerable<ActualGate> gates)
    {
        var leftOut = new List<LeftOut>();
        var exportable = new List<ActualGate>();
        foreach (var gate in gates)
        {
            if (Problem(gate) is { } why) leftOut.Add(new LeftOut(gate.Key, why));
            else exportable.Add(gate);
        }

        var entries = exportable
            .GroupBy(g => (g.Key.Service, g.Key.Identifier, Shape: Shape(g)))
            .Select(Entry)
            .OrderBy(e => e.Service, StringComparer.Ordinal).ThenBy(e => e.Identifier, StringComparer.Ordinal).ThenBy(e => e.Envs[0], StringComparer.Ordinal)
            .ToList();
        return new ExportedFile(entries, [.. leftOut.OrderBy(l => l.Key.ToString(), StringComparer.Ordinal)]);
    }

    /// <summary>Why a gate cannot be written as it is, or null.</summary>
    private static string? Problem(ActualGate gate)
    {
        var twice = gate.Rules.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"\"{g.Key}\"").ToList();
        if (twice.Count > 0) return $"it holds two or more rules named {string.Join(", ", twice)}; which one is meant cannot be guessed";
        var unreadable = gate.Rules.FirstOrDefault(r => r.Type is null || r.Options is null);
        return unreadable is null ? null : $"its rule \"{unreadable.Name}\" has a type or options this version cannot read ({unreadable.TypeName})";
    }

    /// <summary>The rules without their dry_run, as one comparable text: equal shapes fold.</summary>
    private static string Shape(ActualGate gate) =>
        string.Join("\n", gate.Rules.Select(r => $"{r.Name}\u0001{r.TypeName}\u0001{r.Options!.Normalize()}"));

    private static ExportEntry Entry(IGrouping<(string Service, string Identifier, string Shape), ActualGate> group)
    {
        var gates = group.OrderBy(g => g.Key.Env, StringComparer.Ordinal).ToList();
        var first = gates[0];
        var rules = first.Rules.Select((rule, i) => new ExportRule(rule.Name, rule.Options!.Normalize(),
            new PerEnv(gates.ToDictionary(g => g.Key.Env, g => g.Rules[i].DryRun)))).ToList();
        return new ExportEntry(group.Key.Service, group.Key.Identifier, [.. gates.Select(g => g.Key.Env)],
            new PerEnv(gates.ToDictionary(g => g.Key.Env, g => g.DryRun)), rules);
    }
}
