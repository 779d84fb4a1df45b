using DdGates.Tests.Manifests;

namespace DdGates.Tests.Contract;

/// <summary>Where the platforms' own descriptions are on this machine, if anywhere.</summary>
internal static class PlatformSources
{
    public static string ContractPath => Path.Combine(RepoFiles.Root, "docs", "pr-comments-contract.json");

    /// <summary>GitHub's OpenAPI description as npm's @octokit/openapi ships it (a dev dependency: present after npm ci, as in CI).</summary>
    public static string? GitHubOpenApi => Existing(Path.Combine(RepoFiles.Root, "node_modules", "@octokit", "openapi", "generated", "api.github.com.json"));

    /// <summary>azure-devops-node-api's Git interfaces (there with tfx-cli after npm ci).</summary>
    public static string? AzureNodeApiGitInterfaces => Existing(Path.Combine(RepoFiles.Root, "node_modules", "azure-devops-node-api", "interfaces", "GitInterfaces.d.ts"));

    /// <summary>
    /// specification/git/7.0/git.json of MicrosoftDocs/vsts-rest-api-specs, where DDGATES_AZURE_GIT_SPEC names it. It is on
    /// no package registry, so CI compares the Azure facts with azure-devops-node-api instead.
    /// </summary>
    public static string? AzureSwagger => Existing(Environment.GetEnvironmentVariable("DDGATES_AZURE_GIT_SPEC"));

    private static string? Existing(string? path) => path is not null && File.Exists(path) ? path : null;
}
