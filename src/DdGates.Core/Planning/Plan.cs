namespace DdGates.Planning;

/// <summary>The whole plan, one entry per selected gate, in file order.</summary>
public sealed record Plan(IReadOnlyList<GatePlan> Gates)
{
    private string? _hash;

    public bool HasChanges => Gates.Any(g => g.HasWrites);

    /// <summary>The plan's <see cref="PlanHash"/>, computed once however many surfaces show it.</summary>
    public string Hash => _hash ??= PlanHash.Of(this);

    public bool HasErrors => Gates.Any(g => g.Error is not null);

    public int Count(GateChange change) => Gates.Count(g => g.Error is null && g.Change == change);

    public int Count(RuleChange change) => Gates.Where(g => g.Error is null).Sum(g => g.Rules.Count(r => r.Change == change));
}
