namespace DdGates.Http;

/// <summary>
/// Shared by every request of a run: when one request is told to wait (429), all of them wait, so
/// concurrent workers back off together instead of each spending its retries against the limit.
/// </summary>
public sealed class RateLimitPause(TimeProvider time)
{
    private long _resumeAtTicks;

    public void PauseFor(TimeSpan delay)
    {
        var resumeAt = time.GetUtcNow().Add(delay).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _resumeAtTicks);
            if (current >= resumeAt) return;
        }
        while (Interlocked.CompareExchange(ref _resumeAtTicks, resumeAt, current) != current);
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var remaining = new DateTimeOffset(Interlocked.Read(ref _resumeAtTicks), TimeSpan.Zero) - time.GetUtcNow();
        return remaining > TimeSpan.Zero ? Task.Delay(remaining, time, cancellationToken) : Task.CompletedTask;
    }
}
