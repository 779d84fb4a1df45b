namespace DdGates.Http;

/// <summary>How hard the client tries. Defaults suit a CI step; tests shorten the delays.</summary>
public sealed record RetryPolicy
{
    public int MaxRetries { get; init; } = 6;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Longest wait honoured for one 429 (X-RateLimit-Reset / Retry-After).</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(65);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Deadline for one call, all retries included.</summary>
    public TimeSpan CallDeadline { get; init; } = TimeSpan.FromMinutes(3);
    /// <summary>Retries that add up to this much waiting slow a run noticeably and earn a warning; fewer are only debug lines.</summary>
    public TimeSpan NoticeableWait { get; init; } = TimeSpan.FromSeconds(10);
}
