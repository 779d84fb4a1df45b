using System.Net;
using DdGates.Api;

namespace DdGates.Http;

/// <summary>
/// What differs between the HTTP services one run talks to (Datadog, GitHub, Azure DevOps) when they push back:
/// how an answer says "slow down, for this long", and how a failure reads to a person. Everything else
/// (timeouts, backoff, the shared pause) is the same <see cref="ApiTransport"/> pipeline.
/// </summary>
public interface IServiceDialect
{
    /// <summary>The wait a rate-limit answer asks for; null when the answer is not a rate limit. <paramref name="now"/> reads epoch resets.</summary>
    TimeSpan? RateLimitWait(HttpResponseMessage response, DateTimeOffset now);

    /// <summary>The error texts of a failed answer's body, read the way this service writes its errors.</summary>
    IReadOnlyList<string> ErrorTexts(string body);

    /// <summary>The exception for a call that failed after the retries: an HTTP answer (<paramref name="status"/> and its texts) or none (<paramref name="inner"/>).</summary>
    Exception Failure(string operation, HttpStatusCode? status, IReadOnlyList<string> errors, Exception? inner);
}

/// <summary>Datadog: a 429 with X-RateLimit-Reset (seconds until the reset) or Retry-After; failures are <see cref="DatadogApiException"/>.</summary>
public sealed class DatadogDialect : IServiceDialect
{
    public static readonly DatadogDialect Instance = new();

    public TimeSpan? RateLimitWait(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests) return null;
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && RetryReasons.Seconds(seconds) is { } wait)
        {
            return wait;
        }

        return RetryReasons.RetryAfter(response, now);
    }

    public IReadOnlyList<string> ErrorTexts(string body) => ApiErrors.Parse(body);

    public Exception Failure(string operation, HttpStatusCode? status, IReadOnlyList<string> errors, Exception? inner) =>
        new DatadogApiException(operation, status, errors, inner);
}
