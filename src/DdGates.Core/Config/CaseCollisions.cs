using DdGates.Model;

namespace DdGates.Config;

/// <summary>
/// Names a file spells twice with different capitals: gates whose service, env and identifier differ only by case, and rules
/// of one gate whose names do. Not errors (Datadog judges names), but warnings: Datadog lower-cases tags elsewhere, so two
/// such gates may be one gate to a person reading Datadog, and two such rules are easy to take for one.
/// </summary>
public static class CaseCollisions
{
    public static IReadOnlyList<string> Find(IReadOnlyList<GateSpec> gates)
    {
        var warnings = new List<string>();
        foreach (var group in gates.GroupBy(g => g.Key.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            var spellings = group.Select(g => g.Key).Distinct().ToList();
            if (spellings.Count > 1)
            {
                warnings.Add($"{Where(group.First())}gates {string.Join(" and ", spellings)} differ only by case; Datadog may show them as one gate. Spell them alike, or tell them apart by more than case");
            }
        }

        foreach (var gate in gates)
        {
            foreach (var group in gate.Rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                warnings.Add($"{Where(gate)}rules {string.Join(" and ", group.Select(r => $"\"{r.Name}\""))} of gate {gate.Key} differ only by case; they are two rules, easy to take for one");
            }
        }

        return warnings;
    }

    private static string Where(GateSpec gate) => gate.Location is { } at ? $"{at}: " : "";
}
