using System.Globalization;
using System.Text.Json;
using DdGates.Cli.Commands.PlanComment;

namespace DdGates.Cli.Platforms.GitHub;

/// <summary>The pull request a GitHub Actions run plans for, from the runner's variables and the event payload.</summary>
public static class GitHubPullRequest
{
    /// <summary>
    /// GitHub Actions: GITHUB_EVENT_NAME pull_request or pull_request_target; the number and repository from the
    /// event payload at GITHUB_EVENT_PATH; the API base from GITHUB_API_URL (GitHub Enterprise Server has its own).
    /// </summary>
    public static PullRequestContext Read(Func<string, string?> env, string? token, Func<string, string?> readFile)
    {
        if (env("GITHUB_EVENT_NAME") is not ("pull_request" or "pull_request_target") and var name) return new PullRequestContext.None($"the event is {name ?? "unknown"}, not a pull request");
        if (env("GITHUB_EVENT_PATH") is not { Length: > 0 } path || readFile(path) is not { } payload) return new PullRequestContext.Unusable("GITHUB_EVENT_PATH names no readable event file");
        int number;
        string? repository;
        string? commit;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            number = root.GetProperty("pull_request").GetProperty("number").GetInt32();
            commit = root.GetProperty("pull_request").TryGetProperty("head", out var head) && head.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String ? sha.GetString() : null;
            repository = root.TryGetProperty("repository", out var repo) && repo.TryGetProperty("full_name", out var full) ? full.GetString() : env("GITHUB_REPOSITORY");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new PullRequestContext.Unusable($"the event file holds no pull request number ({e.Message})");
        }

        if (string.IsNullOrEmpty(repository)) return new PullRequestContext.Unusable("neither the event nor GITHUB_REPOSITORY names the repository");
        if (string.IsNullOrEmpty(token)) return new PullRequestContext.Unusable("the github-token input is empty (its default is the workflow's token: github.token)");
        var api = new Uri(env("GITHUB_API_URL") is { Length: > 0 } url ? url : "https://api.github.com");
        var server = env("GITHUB_SERVER_URL") is { Length: > 0 } s ? s.TrimEnd('/') : "https://github.com";
        var runId = PullRequestContext.Number(env("GITHUB_RUN_ID"));
        var runUrl = $"{server}/{repository}/actions/runs/{runId.ToString(CultureInfo.InvariantCulture)}";
        return new PullRequestContext.Found((policy, onRetry) => new GitHubComments(api, repository, number, token, policy, onRetry),
            new CommentPlace(runUrl, PullRequestContext.Order(runId, env("GITHUB_RUN_ATTEMPT")), commit ?? env("GITHUB_SHA")));
    }
}
