using System.Globalization;
using System.Net;
using DdGates.Cli.Commands.PlanComment;
using DdGates.Http;

namespace DdGates.Cli.Platforms.AzurePipelines;

/// <summary>Azure DevOps (learn.microsoft.com, "Rate and usage limits"): a 429 with Retry-After.</summary>
public sealed class AzureDevOpsDialect : IServiceDialect
{
    public static readonly AzureDevOpsDialect Instance = new();

    public TimeSpan? RateLimitWait(HttpResponseMessage response, DateTimeOffset now) =>
        response.StatusCode == HttpStatusCode.TooManyRequests ? RetryReasons.RetryAfter(response, now) ?? TimeSpan.FromSeconds(10) : null;

    public IReadOnlyList<string> ErrorTexts(string body) => PullRequestApiException.MessageOf(body);

    public Exception Failure(string operation, HttpStatusCode? status, IReadOnlyList<string> errors, Exception? inner) =>
        new PullRequestApiException("Azure DevOps", operation, status, errors, inner);
}
