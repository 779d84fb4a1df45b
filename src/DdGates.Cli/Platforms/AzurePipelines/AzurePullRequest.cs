using System.Globalization;
using DdGates.Cli.Commands.PlanComment;

namespace DdGates.Cli.Platforms.AzurePipelines;

/// <summary>The pull request an Azure Pipelines build plans for, from the agent's predefined variables.</summary>
public static class AzurePullRequest
{
    /// <summary>
    /// Azure Pipelines: Build.Reason PullRequest on an Azure Repos (TfsGit) repository; the pull request id, the
    /// repository id, the project and the collection from the build's predefined variables; the token is
    /// System.AccessToken, given to the step only when the pipeline maps it (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)).
    /// </summary>
    public static PullRequestContext Read(Func<string, string?> env)
    {
        if (env("BUILD_REASON") is not "PullRequest" and var reason) return new PullRequestContext.None($"Build.Reason is {reason ?? "unknown"}, not PullRequest");
        if (env("BUILD_REPOSITORY_PROVIDER") is { Length: > 0 } provider && provider != "TfsGit")
        {
            return new PullRequestContext.Unusable($"the repository is on {provider}; prComment posts to Azure Repos pull requests only");
        }

        if (!int.TryParse(env("SYSTEM_PULLREQUEST_PULLREQUESTID"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return new PullRequestContext.Unusable("System.PullRequest.PullRequestId is not set");
        var collection = env("SYSTEM_COLLECTIONURI") is { Length: > 0 } c ? c : env("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI");
        var project = env("SYSTEM_TEAMPROJECTID") is { Length: > 0 } p ? p : env("SYSTEM_TEAMPROJECT");
        var repository = env("BUILD_REPOSITORY_ID");
        if (string.IsNullOrEmpty(collection) || string.IsNullOrEmpty(project) || string.IsNullOrEmpty(repository))
        {
            return new PullRequestContext.Unusable("System.CollectionUri, System.TeamProjectId or Build.Repository.Id is not set");
        }

        if (env("SYSTEM_ACCESSTOKEN") is not { Length: > 0 } token)
        {
            return new PullRequestContext.Unusable("System.AccessToken is not mapped into this step: add env: SYSTEM_ACCESSTOKEN: $(System.AccessToken) to it");
        }

        var buildId = PullRequestContext.Number(env("BUILD_BUILDID"));
        var runUrl = $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(env("SYSTEM_TEAMPROJECT") ?? project)}/_build/results?buildId={buildId.ToString(CultureInfo.InvariantCulture)}";
        return new PullRequestContext.Found((policy, onRetry) => new AzureReposThreads(new Uri(collection), project, repository, id, token, policy, onRetry),
            new CommentPlace(runUrl, PullRequestContext.Order(buildId, env("SYSTEM_JOBATTEMPT")), env("SYSTEM_PULLREQUEST_SOURCECOMMITID") ?? env("BUILD_SOURCEVERSION")));
    }
}
