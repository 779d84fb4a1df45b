using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DdGates.Cli.PullRequests;
using DdGates.Tests.Support;

namespace DdGates.Tests.Contract;

/// <summary>
/// The GitHub and Azure DevOps facts the plan comment relies on (docs/pr-comments-contract.json) are what the
/// platforms publish, and both our clients' requests and the emulator's fake answers keep to them.
/// </summary>
public partial class PlatformContractTests
{
    [Fact]
    public void The_github_facts_are_what_githubs_openapi_description_yields()
    {
        Assert.True(PlatformSources.GitHubOpenApi is not null, "node_modules/@octokit/openapi is missing: run npm ci (it is a dev dependency, CI has it)");
        var committed = JsonNode.Parse(File.ReadAllText(PlatformSources.ContractPath))!.AsObject();
        var fresh = JsonNode.Parse(PlatformContractExtract.FromDescriptions(File.ReadAllText(PlatformSources.GitHubOpenApi!), AzureSource(committed)))!.AsObject();
        if (Environment.GetEnvironmentVariable("DDGATES_WRITE_CONTRACT") == "1" && PlatformSources.AzureSwagger is not null) File.WriteAllText(PlatformSources.ContractPath, fresh.ToJsonString(new() { WriteIndented = true }) + "\n");

        foreach (var (path, _) in PlatformContractExtract.GitHubOperations)
        {
            Assert.True(JsonNode.DeepEquals(fresh["paths"]![path], committed["paths"]![path]), $"{path} differs from GitHub's description; refresh with DDGATES_WRITE_CONTRACT=1");
        }

        foreach (var (name, schema) in fresh["components"]!["schemas"]!.AsObject().Where(s => s.Key.StartsWith("github-", StringComparison.Ordinal)))
        {
            Assert.True(JsonNode.DeepEquals(schema, committed["components"]!["schemas"]![name]), $"schema {name} differs from GitHub's description");
        }
    }

    [Fact]
    public void The_azure_facts_name_only_fields_and_values_azure_devops_node_api_knows()
    {
        Assert.True(PlatformSources.AzureNodeApiGitInterfaces is not null, "node_modules/azure-devops-node-api is missing: run npm ci");
        var typings = File.ReadAllText(PlatformSources.AzureNodeApiGitInterfaces!);
        var schemas = JsonNode.Parse(File.ReadAllText(PlatformSources.ContractPath))!["components"]!["schemas"]!.AsObject();

        foreach (var (schema, interfaces) in new[] { ("azure-Comment", new[] { "Comment" }), ("azure-GitPullRequestCommentThread", new[] { "CommentThread", "GitPullRequestCommentThread" }) })
        {
            var fields = interfaces.SelectMany(i => InterfaceFields(typings, i)).ToHashSet();
            foreach (var (field, _) in schemas[schema]!["properties"]!.AsObject()) Assert.True(fields.Contains(field), $"{schema}.{field} is not a field of {string.Join("/", interfaces)} in azure-devops-node-api");
        }

        // The values this program sends are members of the enums, by name (the wire carries the name, camelCase).
        Assert.Contains("Closed", EnumMembers(typings, "CommentThreadStatus"));
        Assert.Contains("Text", EnumMembers(typings, "CommentType"));
        Assert.Contains("closed", Enum(schemas, "azure-GitPullRequestCommentThread", "status"));
        Assert.Contains("text", Enum(schemas, "azure-Comment", "commentType"));
    }

    [Fact]
    public void The_azure_facts_are_what_the_azure_devops_rest_specification_yields_where_it_is_given()
    {
        var committed = JsonNode.Parse(File.ReadAllText(PlatformSources.ContractPath))!.AsObject();
        if (PlatformSources.AzureSwagger is null)
        {
            // Not on any registry; covered in CI by the node-api test above. Locally: DDGATES_AZURE_GIT_SPEC=.../specification/git/7.0/git.json.
            Assert.NotNull(committed["paths"]!["/{organization}/{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}/threads"]);
            return;
        }

        var fresh = JsonNode.Parse(PlatformContractExtract.FromDescriptions(File.ReadAllText(PlatformSources.GitHubOpenApi!), File.ReadAllText(PlatformSources.AzureSwagger)))!.AsObject();
        foreach (var (path, _) in PlatformContractExtract.AzureOperations)
        {
            Assert.True(JsonNode.DeepEquals(fresh["paths"]![path], committed["paths"]![path]), $"{path} differs from the Azure DevOps specification");
        }
    }

    [Fact]
    public void The_contract_holds_facts_and_no_prose()
    {
        var text = File.ReadAllText(PlatformSources.ContractPath);
        foreach (var prose in new[] { "\"description\"", "\"summary\"", "\"example\"", "\"title\"" }) Assert.DoesNotContain(prose, text, StringComparison.Ordinal);
    }

    /// <summary>The committed Azure part stands in for the Azure specification where it is not on this machine (the GitHub test reads only its own part).</summary>
    private static string AzureSource(JsonObject committed) =>
        PlatformSources.AzureSwagger is { } path ? File.ReadAllText(path) : AzureStandIn(committed);

    private static string AzureStandIn(JsonObject committed)
    {
        // A minimal swagger with the same operations, so the extractor runs; its output for Azure is not compared here.
        var paths = new JsonObject();
        foreach (var (path, method) in PlatformContractExtract.AzureOperations)
        {
            if (paths[path] is not JsonObject item) paths[path] = item = [];
            item[method] = new JsonObject { ["operationId"] = method, ["parameters"] = new JsonArray(), ["responses"] = new JsonObject { ["200"] = new JsonObject() } };
        }

        return new JsonObject { ["paths"] = paths, ["definitions"] = new JsonObject() }.ToJsonString();
    }

    private static IEnumerable<string> InterfaceFields(string typings, string name)
    {
        var body = Regex.Match(typings, $@"export interface {name}(?: extends [^{{]+)? {{(.*?)\n}}", RegexOptions.Singleline).Groups[1].Value;
        return FieldPattern().Matches(body).Select(m => m.Groups[1].Value);
    }

    private static List<string> EnumMembers(string typings, string name) =>
        [.. FieldPattern().Matches(Regex.Match(typings, $@"export declare enum {name} {{(.*?)\n}}", RegexOptions.Singleline).Groups[1].Value.Replace(" =", "?:", StringComparison.Ordinal)).Select(m => m.Groups[1].Value)];

    private static List<string> Enum(JsonObject schemas, string schema, string field) =>
        [.. schemas[schema]!["properties"]![field]!["enum"]!.AsArray().Select(v => v!.GetValue<string>())];

    [GeneratedRegex(@"^\s+(\w+)\??:", RegexOptions.Multiline)]
    private static partial Regex FieldPattern();
}
