using System.Net;
using Polly;
using Polly.Timeout;

namespace DdGates.Api;

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
        _ => false,
    };

    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } r } => $"{(int)r.StatusCode} {r.ReasonPhrase}",
        { Exception: TimeoutRejectedException } => "no answer within the attempt timeout",
        { Exception: { } e } => e.Message,
        _ => "unknown",
    };

    /// <summary>The wait a Retry-After header asks for (seconds or a date); null without one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now,
        _ => null,
    };

    private static bool NothingWasSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}
