using System.Net;
using Microsoft.Extensions.Time.Testing;
using DdGates.Http;

namespace DdGates.Tests.Hostile;

/// <summary>
/// Waits the server asks for, on a fake clock: the transport's pipeline runs on the TimeProvider it is given, so the test
/// reads, at each request the server sees, how much (virtual) time the client waited.
/// </summary>
[Collection(nameof(HostileServerTests))]
public class RetryAfterTests
{
    [Theory]
    [InlineData("Retry-After", "2", 2.0)]
    [InlineData("Retry-After", "date", 3.0)]
    public async Task A_503_waits_what_Retry_After_asks(string header, string value, double seconds)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var seen = new List<DateTimeOffset>();
        await using var server = new HostileServer((_, n, stream, ct) =>
        {
            lock (seen) seen.Add(clock.GetUtcNow());
            var retryAfter = value == "date" ? clock.GetUtcNow().AddSeconds(seconds).ToString("R") : value;
            return n == 1
                ? HostileServer.Write(stream, 503, "", [(header, retryAfter)], ct)
                : HostileServer.Write(stream, 200, "{}", [], ct);
        });

        var waited = await SendAndMeasure(server, clock, seen, new RetryPolicy());

        Assert.InRange(waited.TotalSeconds, seconds, seconds + 0.5); // plus 50-250 ms of jitter; the old backoff would have been 0.5 s
    }

    [Fact]
    public async Task A_wait_past_the_cap_is_cut_to_the_cap_and_said()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var seen = new List<DateTimeOffset>();
        await using var server = new HostileServer((_, n, stream, ct) =>
        {
            lock (seen) seen.Add(clock.GetUtcNow());
            return n == 1 ? HostileServer.Write(stream, 429, "", [("X-RateLimit-Reset", "1e308")], ct) : HostileServer.Write(stream, 200, "{}", [], ct);
        });
        var said = new List<string>();

        var waited = await SendAndMeasure(server, clock, seen, new RetryPolicy(), said.Add, coarseUntil: new RetryPolicy().MaxRateLimitWait - TimeSpan.FromSeconds(1));

        var cap = new RetryPolicy().MaxRateLimitWait;
        Assert.InRange(waited, cap, cap + TimeSpan.FromMilliseconds(350));
        Assert.Contains(said, s => s.Contains("the server asked to wait more than a day; waiting 65.0 s, the most one wait may take", StringComparison.Ordinal));
    }

    /// <param name="coarseUntil">Until this long after the first request, virtual time runs in 1 s steps (a wait that ends inside that span still shows, as a wait that is too short).</param>
    private static async Task<TimeSpan> SendAndMeasure(HostileServer server, FakeTimeProvider clock, List<DateTimeOffset> seen, RetryPolicy policy, Action<string>? onRetry = null,
        TimeSpan coarseUntil = default)
    {
        using var http = new HttpClient(SafeHandler.Create()) { BaseAddress = server.Url, Timeout = Timeout.InfiniteTimeSpan };
        var observed = new ObservedClock(clock);
        var transport = new ApiTransport(http, policy, onRetry, observed);
        var send = transport.SendAsync("get", () => new HttpRequestMessage(HttpMethod.Get, "x"), safeToRepeat: true, default);
        for (var i = 0; i < 20_000 && !send.IsCompleted; i++)
        {
            // Virtual time runs in 50 ms steps while the real requests take microseconds, and stops once the wait has
            // ended: the retry's real travel to the server (longer on a loaded machine) then adds no virtual time.
            await Task.Delay(1);
            if (seen.Count == 0 || observed.Fired > 0) continue;
            lock (seen) clock.Advance(seen.Count == 1 && clock.GetUtcNow() - seen[0] < coarseUntil ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(50));
        }

        using var response = await send;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        lock (seen)
        {
            Assert.Equal(2, seen.Count);
            return seen[1] - seen[0];
        }
    }

    /// <summary>The fake clock, counting the timers that have fired (the wait between the two requests is the only one that can).</summary>
    private sealed class ObservedClock(FakeTimeProvider inner) : TimeProvider
    {
        private int _fired;

        public int Fired => Volatile.Read(ref _fired);

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            }, state, dueTime, period);
    }
}
