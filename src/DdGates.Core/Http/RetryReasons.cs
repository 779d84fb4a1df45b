using System.Net;
using Polly;
using Polly.Timeout;

namespace DdGates.Http;

/// <summary>What counts as transient, and how long a 429 asks us to wait.</summary>
public static class RetryReasons
{
    /// <summary>
    /// Calls that are safe to repeat (reads, PUT, DELETE, and gate creation, which the server
    /// deduplicates) retry every transient failure. A rule creation retries only failures where
    /// the server certainly did nothing: a 429 or a connection that was never made.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool safeToRepeat, IServiceDialect dialect, DateTimeOffset now) => outcome switch
    {
        { Result: { } r } => r.StatusCode == HttpStatusCode.TooManyRequests || dialect.RateLimitWait(r, now) is not null
            || (safeToRepeat && (int)r.StatusCode >= 500),
        { Exception: HttpRequestException e } => safeToRepeat || NothingWasSent(e),
        { Exception: TimeoutRejectedException } => safeToRepeat,
        { Exception: IOException } => safeToRepeat, // the answer broke off mid-body
        _ => false,
    };

    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } r } => $"{(int)r.StatusCode} {r.ReasonPhrase}",
        { Exception: TimeoutRejectedException } => "no answer within the attempt timeout",
        { Exception: { } e } => e.Message,
        _ => "unknown",
    };

    /// <summary>A wait in words: "2.0 s", "3 min", "1e+308 s" is said as "more than a day".</summary>
    public static string Describe(TimeSpan wait) =>
        wait >= MaxWait ? "more than a day" : wait.TotalSeconds < 120 ? $"{wait.TotalSeconds:0.0} s" : $"{wait.TotalMinutes:0} min";

    /// <summary>The longest wait a header can ask for here; anything longer (1e308, a date years ahead) is read as this.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    /// <summary>Seconds from a header as a wait: null for NaN, infinities and negatives; at most <see cref="MaxWait"/>.</summary>
    public static TimeSpan? Seconds(double seconds) =>
        double.IsFinite(seconds) && seconds >= 0 ? TimeSpan.FromSeconds(Math.Min(seconds, MaxWait.TotalSeconds)) : null;

    /// <summary>The wait a Retry-After header asks for (seconds or a date); null without one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta > MaxWait ? MaxWait : delta,
        { Date: { } date } => date - now > MaxWait ? MaxWait : date - now,
        _ => null,
    };

    private static bool NothingWasSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}
