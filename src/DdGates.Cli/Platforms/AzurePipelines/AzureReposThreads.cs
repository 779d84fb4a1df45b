using System.Globalization;
using DdGates.Cli.Commands.PlanComment;
using DdGates.Http;

namespace DdGates.Cli.Platforms.AzurePipelines;

/// <summary>
/// A pull request's threads on Azure Repos, through the Azure DevOps Git REST API (api-version 7.0, which Azure
/// DevOps Server 2022 also serves). The plan is the first comment of one thread; it is edited in place.
/// </summary>
public sealed class AzureReposThreads : IPullRequestComments, IDisposable
{
    /// <summary>Azure DevOps refuses a longer comment: "A discussion comment cannot be longer than 150000 characters."</summary>
    public const int MaxBody = 150_000;
    private const string ApiVersion = "api-version=7.0";
    private static readonly PullRequestJsonContext Json = PullRequestJsonContext.Default;
    private readonly PlatformHttp _http;
    private readonly string _threads;
    private readonly int _id;

    /// <param name="collectionUri">System.CollectionUri, e.g. https://dev.azure.com/fabrikam/.</param>
    public AzureReposThreads(Uri collectionUri, string project, string repositoryId, int pullRequestId, string token, RetryPolicy policy,
        Action<string>? onRetry = null, HttpMessageHandler? handler = null)
    {
        _http = new PlatformHttp(collectionUri, token, AzureDevOpsDialect.Instance, policy, onRetry, handler);
        _http.Headers.Accept.ParseAdd("application/json");
        _threads = $"{PathSegment.Of(project)}/_apis/git/repositories/{PathSegment.Of(repositoryId)}/pullRequests/{pullRequestId.ToString(CultureInfo.InvariantCulture)}/threads";
        _id = pullRequestId;
    }

    public string Platform => "Azure Repos";

    public string Where => $"pull request {_id.ToString(CultureInfo.InvariantCulture)}";

    public int BodyLimit => MaxBody;

    public string Permission => "Contribute to pull requests, for the build service identity; and System.AccessToken mapped into the step (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken))";

    public async Task<IReadOnlyList<PostedComment>> ListAsync(CancellationToken ct)
    {
        var list = await _http.GetAsync("list the pull request's threads", $"{_threads}?{ApiVersion}", Json.AzureThreadList, ct).ConfigureAwait(false);
        return [.. from thread in list.Value
                   where !thread.IsDeleted
                   let first = thread.Comments?.FirstOrDefault(c => c.ParentCommentId == 0)
                   where first is { IsDeleted: false }
                   orderby thread.Id
                   select new PostedComment(thread.Id, first.Id, first.Content ?? "")];
    }

    /// <summary>A new thread, closed: it informs without counting against a "resolve all comments" branch policy.</summary>
    public Task CreateAsync(string body, CancellationToken ct) =>
        _http.SendAsync("comment on the pull request", HttpMethod.Post, $"{_threads}?{ApiVersion}",
            new AzureNewThread([new AzureNewComment(0, body, "text")], "closed"), Json.AzureNewThread, safeToRepeat: false, ct);

    public Task UpdateAsync(PostedComment comment, string body, CancellationToken ct) =>
        _http.SendAsync("update the plan comment", HttpMethod.Patch, $"{Comment(comment)}?{ApiVersion}",
            new AzureCommentContent(body), Json.AzureCommentContent, safeToRepeat: true, ct);

    public Task DeleteAsync(PostedComment comment, CancellationToken ct) =>
        _http.DeleteAsync("delete a duplicate plan comment", $"{Comment(comment)}?{ApiVersion}", ct);

    private string Comment(PostedComment comment) =>
        FormattableString.Invariant($"{_threads}/{comment.Order}/comments/{comment.Id}");

    public void Dispose() => _http.Dispose();
}
