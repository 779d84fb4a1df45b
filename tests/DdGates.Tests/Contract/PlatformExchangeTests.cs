using System.Text.Json.Nodes;
using static DdGates.Tests.PullRequests.PullRequestSteps;
using DdGates.Cli.Commands.PlanComment;
using DdGates.Cli.Platforms.AzurePipelines;
using DdGates.Cli.Platforms.GitHub;
using DdGates.Emulator;
using DdGates.Tests.Support;

namespace DdGates.Tests.Contract;

/// <summary>
/// Every request our GitHub and Azure DevOps clients send, and every answer the emulator's fake gives, checked against
/// docs/pr-comments-contract.json (the platforms' published facts): the path and method exist, required query
/// parameters are there, bodies match the schemas, and each status is one the platform declares.
/// </summary>
public class PlatformExchangeTests
{
    [Fact]
    public async Task Client_requests_and_fake_answers_keep_to_the_platforms_contracts()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var exchanges = new List<Exchange>();
        var github = new GitHubComments(emulator.BaseUrl, Repository, Number, GitHubToken, TestEmulator.FastRetries, null, new RecordingHandler(exchanges));
        var azure = new AzureReposThreads(new Uri(emulator.BaseUrl, "fabrikam/"), "Fabrikam Fiber", AzureRepositoryId, AzurePullRequestId, AzureToken, TestEmulator.FastRetries, null, new RecordingHandler(exchanges));
        foreach (IPullRequestComments comments in new IPullRequestComments[] { github, azure })
        {
            using (comments)
            {
                await StickyComment.PostAsync(comments, "<!-- marker -->", 1, "<!-- marker --> first", default);
                await comments.CreateAsync("<!-- marker --> a duplicate", default);
                await StickyComment.PostAsync(comments, "<!-- marker -->", 2, "<!-- marker --> second", default);
                var gone = (await comments.ListAsync(default))[0] with { Id = 999, Order = 999_999 };
                await comments.DeleteAsync(gone, default); // already gone: a 404 that counts as done
            }
        }

        using (var readOnly = new GitHubComments(emulator.BaseUrl, Repository, Number, PullRequestStore.ReadOnlyTokenPrefix + "x", TestEmulator.FastRetries, null, new RecordingHandler(exchanges)))
        {
            await Assert.ThrowsAsync<PullRequestApiException>(() => readOnly.CreateAsync("no", default));
        }

        var spec = OpenApiSpec.Load(PlatformSources.ContractPath);
        var validator = new SchemaValidator(spec);
        var problems = new List<string>();
        foreach (var exchange in exchanges)
        {
            var found = spec.Find(exchange.Method, exchange.Path);
            Assert.True(found is not null, $"{exchange.Method} {exchange.Path} is not in the contract");
            var (template, operation) = found!.Value;
            var label = $"{exchange.Method} {template} -> {exchange.Status}";
            foreach (var required in operation["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "query" && p["required"]!.GetValue<bool>()))
            {
                if (!exchange.Query.Contains(required!["name"]!.GetValue<string>() + "=", StringComparison.Ordinal)) problems.Add($"{label}: query parameter {required["name"]} missing");
            }

            if (spec.RequestSchema(operation) is { } requestSchema) problems.AddRange(validator.Validate(JsonNode.Parse(exchange.RequestBody!), requestSchema).Select(p => $"request {label}: {p}"));
            if (!OpenApiSpec.Declares(operation, exchange.Status) && !(exchange.Status == 404 && exchange.Method == "DELETE")) problems.Add($"{label}: status not declared");
            if (spec.ResponseSchema(operation, exchange.Status) is { } responseSchema) problems.AddRange(validator.Validate(JsonNode.Parse(exchange.ResponseBody), responseSchema).Select(p => $"response {label}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(8, exchanges.Select(e => (e.Method, spec.Find(e.Method, e.Path)!.Value.Template)).Distinct().Count()); // every operation of the contract
        Assert.Contains(exchanges, e => e.Status == 403);
    }
}
