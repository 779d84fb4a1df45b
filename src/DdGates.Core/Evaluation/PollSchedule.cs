namespace DdGates.Evaluation;

/// <summary>
/// When to ask for the verdict: soon after the trigger (many gates decide within seconds), then
/// less and less often, never more than <see cref="MaxInterval"/> apart (Datadog advises 10 to 20 s).
/// </summary>
public sealed record PollSchedule
{
    public TimeSpan FirstPoll { get; init; } = TimeSpan.FromSeconds(1);
    public double Growth { get; init; } = 1.5;
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How long after the trigger a 404 on the result is expected (the evaluation is not readable yet).</summary>
    public TimeSpan NotFoundGrace { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// How long a trigger may answer 404 for a gate this run has just created: the service is eventually
    /// consistent, so a new gate can be unknown to the trigger for a moment. Never waited for any other gate.
    /// </summary>
    public TimeSpan NewGateGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before poll number <paramref name="poll"/> (0-based).</summary>
    public TimeSpan Delay(int poll)
    {
        var ms = FirstPoll.TotalMilliseconds * Math.Pow(Growth, poll);
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxInterval.TotalMilliseconds));
    }
}
