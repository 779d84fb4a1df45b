using System.Collections.Concurrent;

namespace DdGates.Emulator;

/// <summary>
/// One API request as the emulator saw it; <see cref="Fault"/> names an injected fault. <see cref="ContentLength"/>
/// is the request's Content-Length header (null when absent), <see cref="Chunked"/> whether its body came chunked.
/// </summary>
public sealed record LoggedRequest(long Sequence, string Method, string Path, string Query, int Status, string? Fault, DateTimeOffset At,
    long? ContentLength = null, bool Chunked = false)
{
    public bool IsWrite => Method is "POST" or "PUT" or "DELETE";
}

/// <summary>Every API request, in arrival order (admin requests are not logged).</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _entries = new();
    private long _sequence;

    public void Add(string method, string path, string query, int status, string? fault, long? contentLength = null, bool chunked = false) =>
        _entries.Enqueue(new LoggedRequest(Interlocked.Increment(ref _sequence), method, path, query, status, fault, DateTimeOffset.UtcNow, contentLength, chunked));

    public IReadOnlyList<LoggedRequest> Entries => [.. _entries.OrderBy(e => e.Sequence)];

    public void Clear() => _entries.Clear();
}
