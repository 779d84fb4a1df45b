using System.Collections.Concurrent;

namespace DdGates.Emulator;

/// <summary>One API request as the emulator saw it; <see cref="Fault"/> names an injected fault.</summary>
public sealed record LoggedRequest(long Sequence, string Method, string Path, string Query, int Status, string? Fault, DateTimeOffset At)
{
    public bool IsWrite => Method is "POST" or "PUT" or "DELETE";
}

/// <summary>Every API request, in arrival order (admin requests are not logged).</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _entries = new();
    private long _sequence;

    public void Add(string method, string path, string query, int status, string? fault) =>
        _entries.Enqueue(new LoggedRequest(Interlocked.Increment(ref _sequence), method, path, query, status, fault, DateTimeOffset.UtcNow));

    public IReadOnlyList<LoggedRequest> Entries => [.. _entries.OrderBy(e => e.Sequence)];

    public void Clear() => _entries.Clear();
}
