using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
        var gitHub = File.ReadAllText(PlatformSources.GitHubOpenApi!);
        if (Environment.GetEnvironmentVariable("DDGATES_WRITE_CONTRACT") == "1" && PlatformSources.AzureSwagger is { } azure)
        {
            File.WriteAllText(PlatformSources.ContractPath, PlatformContractExtract.FromDescriptions(gitHub, File.ReadAllText(azure)));
        }

        var committed = JsonNode.Parse(File.ReadAllText(PlatformSources.ContractPath))!.AsObject();
        var (paths, schemas) = PlatformContractExtract.GitHubFacts(gitHub);
        foreach (var (path, item) in paths)
        {
            Assert.True(JsonNode.DeepEquals(item, committed["paths"]![path]), $"{path} differs from GitHub's description; refresh with DDGATES_WRITE_CONTRACT=1");
        }

        foreach (var (name, schema) in schemas)
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

        var (paths, schemas) = PlatformContractExtract.AzureFacts(File.ReadAllText(PlatformSources.AzureSwagger));
        foreach (var (path, item) in paths)
        {
            Assert.True(JsonNode.DeepEquals(item, committed["paths"]![path]), $"{path} differs from the Azure DevOps specification");
        }

        foreach (var (name, schema) in schemas)
        {
            Assert.True(JsonNode.DeepEquals(schema, committed["components"]!["schemas"]![name]), $"schema {name} differs from the Azure DevOps specification");
        }
    }

    [Fact]
    public void The_contract_holds_facts_and_no_prose()
    {
        var text = File.ReadAllText(PlatformSources.ContractPath);
        foreach (var prose in new[] { "\"description\"", "\"summary\"", "\"example\"", "\"title\"" }) Assert.DoesNotContain(prose, text, StringComparison.Ordinal);
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
