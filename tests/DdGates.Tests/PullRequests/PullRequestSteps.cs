using System.Text.Json.Nodes;
using DdGates.Cli.Platforms.GitHub;
using DdGates.Emulator;
using DdGates.Tests.Cli;
using DdGates.Tests.Support;

namespace DdGates.Tests.PullRequests;

/// <summary>
/// A plan step on a pull request, with the environment the platform gives it. GitHub: the runner's variables and the
/// pull_request event payload at GITHUB_EVENT_PATH (the webhook's shape: number, pull_request, repository.full_name).
/// Azure: the predefined variables of a pull request build on Azure Repos, as the agent exports them (Build.Reason ->
/// BUILD_REASON, System.PullRequest.PullRequestId -> SYSTEM_PULLREQUEST_PULLREQUESTID; agent Handler.AddVariablesToEnvironment).
/// </summary>
internal static class PullRequestSteps
{
    public const string Repository = "octo/shop";
    public const int Number = 42;
    public const string AzureRepositoryId = "3411ebc1-d5aa-464f-9615-0b527bc66719";
    public const int AzurePullRequestId = 22;
    public const string GitHubToken = "ghs_test0token0for0the0fake0github";
    public const string AzureToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-system-access-token";

    public static string GitHubComments => PlatformEndpoints.GitHubKey("octo", "shop", Number);

    public static string AzureThreads => PlatformEndpoints.AzureKey(AzureRepositoryId, AzurePullRequestId);

    /// <param name="datadog">Where the Datadog API is, when not the emulator (the emulator still plays GitHub and Azure DevOps).</param>
    public static Task<HostedStep> PlanAsync(string host, EmulatorHost emulator, string gatesFile, long run, string? token = null,
        Dictionary<string, string>? inputs = null, Dictionary<string, string>? variables = null, Uri? datadog = null)
    {
        inputs ??= [];
        inputs["command"] = "plan";
        inputs["config"] = gatesFile;
        var env = host == "github" ? GitHub(emulator, run) : Azure(emulator, run);
        if (host == "github") inputs["github-token"] = token ?? GitHubToken;
        else env["SYSTEM_ACCESSTOKEN"] = token ?? AzureToken;
        foreach (var (name, value) in variables ?? []) env[name] = value;
        return HostedStep.RunAsync(host, datadog ?? emulator.BaseUrl, inputs, variables: env);
    }

    private static Dictionary<string, string> GitHub(EmulatorHost emulator, long run)
    {
        var repo = new JsonObject { ["full_name"] = Repository };
        var payload = new JsonObject
        {
            ["action"] = "synchronize",
            ["number"] = Number,
            ["pull_request"] = new JsonObject
            {
                ["number"] = Number, ["state"] = "open",
                ["head"] = new JsonObject { ["ref"] = "gates-change", ["sha"] = "9f2c1e7d3b4a5f60718293a4b5c6d7e8f9012345", ["repo"] = repo.DeepClone() },
                ["base"] = new JsonObject { ["ref"] = "main", ["repo"] = repo.DeepClone() },
            },
            ["repository"] = new JsonObject { ["full_name"] = Repository, ["name"] = "shop", ["owner"] = new JsonObject { ["login"] = "octo" } },
        }.ToJsonString();
        return new()
        {
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = CliRunner.TempFile(payload, ".json"),
            ["GITHUB_REPOSITORY"] = Repository,
            ["GITHUB_API_URL"] = emulator.BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_RUN_ID"] = run.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GITHUB_RUN_ATTEMPT"] = "1",
        };
    }

    private static Dictionary<string, string> Azure(EmulatorHost emulator, long run) => new()
    {
        ["BUILD_REASON"] = "PullRequest",
        ["BUILD_REPOSITORY_PROVIDER"] = "TfsGit",
        ["BUILD_REPOSITORY_ID"] = AzureRepositoryId,
        ["BUILD_BUILDID"] = run.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = AzurePullRequestId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SYSTEM_COLLECTIONURI"] = emulator.BaseUrl.AbsoluteUri + "fabrikam/",
        ["SYSTEM_TEAMPROJECT"] = "Fabrikam Fiber",
        ["SYSTEM_TEAMPROJECTID"] = "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c",
        ["SYSTEM_JOBATTEMPT"] = "1",
    };
}
