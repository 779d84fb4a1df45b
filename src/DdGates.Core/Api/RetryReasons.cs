using System.Net;
using Polly;
using Polly.Timeout;

namespace DdGates.Api;

/// <summary>What counts as transient, and how long a 429 asks us to wait.</summary>
internal static class RetryReasons
{
    /// <summary>
    /// Calls that are safe to repeat (reads, PUT, DELETE, and gate creation, which the server
    /// deduplicates) retry every transient failure. A rule creation retries only failures where
    /// the server certainly did nothing: a 429 or a connection that was never made.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool safeToRepeat) => outcome switch
    {
        { Result: { } r } => r.StatusCode == HttpStatusCode.TooManyRequests || (safeToRepeat && (int)r.StatusCode >= 500),
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

    /// <summary>The wait a 429 asks for: X-RateLimit-Reset (seconds), else Retry-After; null if neither.</summary>
    public static TimeSpan? RateLimitWait(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests) return null;
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && double.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) return delta;
            if (retryAfter.Date is { } date) return date - DateTimeOffset.UtcNow;
        }

        return null;
    }

    private static bool NothingWasSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}
