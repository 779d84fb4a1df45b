using DdGates.Model;

namespace DdGates.Planning;

/// <summary>
/// The server does not keep rule names unique. Two rules of one name are resolved only where this
/// tool could have made them: a create that raced another run (identical copies) or a replacement
/// cut short (a copy of the old type left beside the new one). Anything else is an error, not a guess.
/// </summary>
internal static class DuplicateResolution
{
    public static bool TryResolve(RuleSpec desired, IReadOnlyList<ActualRule> onServer, out IReadOnlyList<RulePlan> plans)
    {
        var exact = onServer.Where(r => r.Matches(desired)).ToList();
        var others = onServer.Except(exact).ToList();
        if (exact.Count == 0 || others.Any(o => o.Type == desired.Type))
        {
            plans = [];
            return false;
        }

        // Every racer sees the same ids, so the smallest one is the survivor everywhere.
        var survivor = exact.MinBy(r => r.Id, StringComparer.Ordinal)!;
        var result = new List<RulePlan> { new(desired.Name, RuleChange.Unchanged, desired, survivor, []) };
        result.AddRange(onServer.Where(r => r != survivor).Select(extra =>
            new RulePlan(extra.Name, RuleChange.Delete, null, extra, FieldDiff.Of(extra, null),
                extra.Type == desired.Type
                    ? $"duplicate of {survivor.Id} (concurrent create)"
                    : $"left over from an interrupted replacement by {survivor.Id}")));
        plans = result;
        return true;
    }

    public static string Explain(string name, IReadOnlyList<ActualRule> onServer) =>
        $"The server holds {onServer.Count} rules named \"{name}\" ({string.Join(", ", onServer.Select(r => r.Id))}) " +
        "and they differ; delete all but one in Datadog, then run again.";
}
