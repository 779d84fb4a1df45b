namespace DdGates;

/// <summary>The one bound on requests in flight that reading and applying share (the concurrency input).</summary>
internal static class Parallelism
{
    public static ParallelOptions Bounded(int concurrency, CancellationToken ct) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct };
}
