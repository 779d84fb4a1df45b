using System.Globalization;
using System.Net;
using DdGates.Cli.Commands.PlanComment;
using DdGates.Http;

namespace DdGates.Cli.Platforms.GitHub;

/// <summary>
/// GitHub's rate limits (docs.github.com, "Rate limits for the REST API"): a 429, or a 403 that carries retry-after
/// or x-ratelimit-remaining: 0, is a rate limit, not a refusal. Wait retry-after seconds; else until x-ratelimit-reset
/// (epoch seconds); else a minute, as GitHub asks for a secondary limit that names no time.
/// </summary>
public sealed class GitHubDialect : IServiceDialect
{
    public static readonly GitHubDialect Instance = new();

    public TimeSpan? RateLimitWait(HttpResponseMessage response, DateTimeOffset now)
    {
        var limited = response.StatusCode == HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.Forbidden && (response.Headers.RetryAfter is not null || Header(response, "x-ratelimit-remaining") == "0"));
        if (!limited) return null;
        if (RetryReasons.RetryAfter(response, now) is { } after) return after;
        if (Header(response, "x-ratelimit-remaining") == "0" && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            // Epoch seconds; a reset past any date (or years ahead) is read as the longest wait, not an overflow.
            return RetryReasons.Seconds(reset - now.ToUnixTimeSeconds()) ?? TimeSpan.Zero;
        }

        return TimeSpan.FromMinutes(1);
    }

    public IReadOnlyList<string> ErrorTexts(string body) => PullRequestApiException.MessageOf(body);

    public Exception Failure(string operation, HttpStatusCode? status, IReadOnlyList<string> errors, Exception? inner) =>
        new PullRequestApiException("GitHub", operation, status, errors, inner);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
