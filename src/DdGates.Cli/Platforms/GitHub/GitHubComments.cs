using System.Globalization;
using DdGates.Cli.Commands.PlanComment;
using DdGates.Http;

namespace DdGates.Cli.Platforms.GitHub;

/// <summary>
/// A pull request's conversation on GitHub, through the issue-comments REST API (a pull request is an issue):
/// list, create, update, delete. Works against GitHub Enterprise Server through its API base (GITHUB_API_URL).
/// </summary>
public sealed class GitHubComments : IPullRequestComments, IDisposable
{
    /// <summary>GitHub refuses a longer body: "body is too long (maximum is 65536 characters)" (422).</summary>
    public const int MaxBody = 65_536;
    private const int PageSize = 100;
    private static readonly PullRequestJsonContext Json = PullRequestJsonContext.Default;
    private readonly PlatformHttp _http;
    private readonly string _repo;
    private readonly int _number;

    public GitHubComments(Uri apiBase, string repository, int number, string token, RetryPolicy policy, Action<string>? onRetry = null, HttpMessageHandler? handler = null)
    {
        _http = new PlatformHttp(apiBase, token, GitHubDialect.Instance, policy, onRetry, handler);
        _http.Headers.Accept.ParseAdd("application/vnd.github+json");
        _http.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        // owner/name from the event file: each part is one path segment, so neither can reach another API path.
        _repo = string.Join('/', repository.Split('/', 2).Select(PathSegment.Of));
        Where = $"{repository}#{number}";
        _number = number;
    }

    public string Platform => "GitHub";

    public string Where { get; }

    public int BodyLimit => MaxBody;

    public string Permission => "pull-requests: write (the workflow's permissions)";

    public async Task<IReadOnlyList<PostedComment>> ListAsync(CancellationToken ct)
    {
        var all = new List<PostedComment>();
        for (var page = 1; ; page++)
        {
            var path = FormattableString.Invariant($"repos/{_repo}/issues/{_number}/comments?per_page={PageSize}&page={page}");
            var comments = await _http.GetAsync("list the pull request's comments", path, Json.ListGitHubComment, ct).ConfigureAwait(false);
            all.AddRange(comments.Select(c => new PostedComment(c.Id, c.Id, c.Body ?? "")));
            if (comments.Count < PageSize) return all;
        }
    }

    public Task CreateAsync(string body, CancellationToken ct) =>
        _http.SendAsync("comment on the pull request", HttpMethod.Post, FormattableString.Invariant($"repos/{_repo}/issues/{_number}/comments"),
            new GitHubCommentBody(body), Json.GitHubCommentBody, safeToRepeat: false, ct);

    public Task UpdateAsync(PostedComment comment, string body, CancellationToken ct) =>
        _http.SendAsync("update the plan comment", HttpMethod.Patch, $"repos/{_repo}/issues/comments/{comment.Id.ToString(CultureInfo.InvariantCulture)}",
            new GitHubCommentBody(body), Json.GitHubCommentBody, safeToRepeat: true, ct);

    public Task DeleteAsync(PostedComment comment, CancellationToken ct) =>
        _http.DeleteAsync("delete a duplicate plan comment", $"repos/{_repo}/issues/comments/{comment.Id.ToString(CultureInfo.InvariantCulture)}", ct);

    public void Dispose() => _http.Dispose();
}
