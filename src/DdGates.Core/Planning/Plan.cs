namespace DdGates.Planning;

/// <summary>The whole plan, one entry per selected gate, in file order.</summary>
public sealed record Plan(IReadOnlyList<GatePlan> Gates)
{
    public bool HasChanges => Gates.Any(g => g.HasWrites);

    public bool HasErrors => Gates.Any(g => g.Error is not null);

    public int Count(GateChange change) => Gates.Count(g => g.Error is null && g.Change == change);

    public int Count(RuleChange change) => Gates.Where(g => g.Error is null).Sum(g => g.Rules.Count(r => r.Change == change));
}
