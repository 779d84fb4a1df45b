using System.Globalization;
using System.Text.Json;
using DdGates.Api;
using DdGates.Cli.Hosting;

namespace DdGates.Cli.PullRequests;

/// <summary>Where this run's plan comment goes, read from what the runner or the agent tells the step.</summary>
public abstract record PullRequestContext
{
    private PullRequestContext()
    {
    }

    /// <summary>Not a pull request build: nothing is posted, and nothing is said beyond a debug line.</summary>
    public sealed record None(string Why) : PullRequestContext;

    /// <summary>A pull request, but the step cannot comment on it: a warning says why and what fixes it.</summary>
    public sealed record Unusable(string Why) : PullRequestContext;

    /// <summary>A pull request to comment on. <paramref name="RunOrder"/> grows with every run (run id, attempt), so an older run never overwrites a newer plan.</summary>
    public sealed record Found(Func<RetryPolicy, Action<string>?, IPullRequestComments> Open, string RunUrl, long RunOrder) : PullRequestContext;

    public static PullRequestContext Read(ICiHost host, Func<string, string?> env, string? gitHubToken, Func<string, string?> readFile) => host switch
    {
        GitHubHost => GitHub(env, gitHubToken, readFile),
        AzureHost => Azure(env),
        _ => new None("not a CI step"),
    };

    /// <summary>
    /// GitHub Actions: GITHUB_EVENT_NAME pull_request or pull_request_target; the number and repository from the
    /// event payload at GITHUB_EVENT_PATH; the API base from GITHUB_API_URL (GitHub Enterprise Server has its own).
    /// </summary>
    private static PullRequestContext GitHub(Func<string, string?> env, string? token, Func<string, string?> readFile)
    {
        if (env("GITHUB_EVENT_NAME") is not ("pull_request" or "pull_request_target") and var name) return new None($"the event is {name ?? "unknown"}, not a pull request");
        if (env("GITHUB_EVENT_PATH") is not { Length: > 0 } path || readFile(path) is not { } payload) return new Unusable("GITHUB_EVENT_PATH names no readable event file");
        int number;
        string? repository;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            number = root.GetProperty("pull_request").GetProperty("number").GetInt32();
            repository = root.TryGetProperty("repository", out var repo) && repo.TryGetProperty("full_name", out var full) ? full.GetString() : env("GITHUB_REPOSITORY");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new Unusable($"the event file holds no pull request number ({e.Message})");
        }

        if (string.IsNullOrEmpty(repository)) return new Unusable("neither the event nor GITHUB_REPOSITORY names the repository");
        if (string.IsNullOrEmpty(token)) return new Unusable("the github-token input is empty (its default is the workflow's token: github.token)");
        var api = new Uri(env("GITHUB_API_URL") is { Length: > 0 } url ? url : "https://api.github.com");
        var server = env("GITHUB_SERVER_URL") is { Length: > 0 } s ? s.TrimEnd('/') : "https://github.com";
        var runId = Number(env("GITHUB_RUN_ID"));
        var runUrl = $"{server}/{repository}/actions/runs/{runId.ToString(CultureInfo.InvariantCulture)}";
        return new Found((policy, onRetry) => new GitHubComments(api, repository, number, token, policy, onRetry), runUrl,
            Order(runId, env("GITHUB_RUN_ATTEMPT")));
    }

    /// <summary>
    /// Azure Pipelines: Build.Reason PullRequest on an Azure Repos (TfsGit) repository; the pull request id, the
    /// repository id, the project and the collection from the build's predefined variables; the token is
    /// System.AccessToken, given to the step only when the pipeline maps it (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)).
    /// </summary>
    private static PullRequestContext Azure(Func<string, string?> env)
    {
        if (env("BUILD_REASON") is not "PullRequest" and var reason) return new None($"Build.Reason is {reason ?? "unknown"}, not PullRequest");
        if (env("BUILD_REPOSITORY_PROVIDER") is { Length: > 0 } provider && provider != "TfsGit")
        {
            return new Unusable($"the repository is on {provider}; prComment posts to Azure Repos pull requests only");
        }

        if (!int.TryParse(env("SYSTEM_PULLREQUEST_PULLREQUESTID"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return new Unusable("System.PullRequest.PullRequestId is not set");
        var collection = env("SYSTEM_COLLECTIONURI") is { Length: > 0 } c ? c : env("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI");
        var project = env("SYSTEM_TEAMPROJECTID") is { Length: > 0 } p ? p : env("SYSTEM_TEAMPROJECT");
        var repository = env("BUILD_REPOSITORY_ID");
        if (string.IsNullOrEmpty(collection) || string.IsNullOrEmpty(project) || string.IsNullOrEmpty(repository))
        {
            return new Unusable("System.CollectionUri, System.TeamProjectId or Build.Repository.Id is not set");
        }

        if (env("SYSTEM_ACCESSTOKEN") is not { Length: > 0 } token)
        {
            return new Unusable("System.AccessToken is not mapped into this step: add env: SYSTEM_ACCESSTOKEN: $(System.AccessToken) to it");
        }

        var buildId = Number(env("BUILD_BUILDID"));
        var runUrl = $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(env("SYSTEM_TEAMPROJECT") ?? project)}/_build/results?buildId={buildId.ToString(CultureInfo.InvariantCulture)}";
        return new Found((policy, onRetry) => new AzureReposThreads(new Uri(collection), project, repository, id, token, policy, onRetry), runUrl,
            Order(buildId, env("SYSTEM_JOBATTEMPT")));
    }

    private static long Number(string? text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The run id first, then the attempt: a rerun of a run comes after it.</summary>
    private static long Order(long run, string? attempt) => checked(run * 1000 + Math.Min(Number(attempt), 999));
}
