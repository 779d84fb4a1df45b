using System.Text.Json.Nodes;
using DdGates.Api;
using DdGates.Emulator;
using DdGates.Tests.Contract;
using DdGates.Tests.Hostile;
using DdGates.Tests.Manifests;
using DdGates.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DdGates.Tests.Preflight;

/// <summary>
/// Monitor search against Datadog's own description of it: docs/monitor-search-contract.json is what
/// ../shared/datadog/monitor-search.openapi.yaml yields (facts only), the recorded answer it carries is kept beside this
/// test and read by the client as it came, and the client's requests and the emulator's answers fit the contract.
/// </summary>
[Collection(nameof(HostileServerTests))]
public class MonitorSearchContractTests
{
    private static string SharedSpec => Path.Combine(RepoFiles.Root, "..", "shared", "datadog", "monitor-search.openapi.yaml");

    private static string ContractPath => Path.Combine(RepoFiles.Root, "docs", "monitor-search-contract.json");

    private static string RecordedPath => Path.Combine(RepoFiles.Root, "tests", "DdGates.Tests", "Preflight", "recorded-search.json");

    [SpecFact]
    public void The_committed_contract_and_the_recorded_answer_are_what_the_shared_description_holds()
    {
        var yaml = File.ReadAllText(SharedSpec);
        var expected = ContractExtract.FromOpenApi(yaml);
        if (Environment.GetEnvironmentVariable("DDGATES_WRITE_CONTRACT") == "1") File.WriteAllText(ContractPath, expected);
        Assert.True(File.ReadAllText(ContractPath) == expected, $"{ContractPath} differs from what {SharedSpec} yields; refresh it with DDGATES_WRITE_CONTRACT=1");

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var recorded = OpenApiSpec.ToJson(stream.Documents[0].RootNode)!["paths"]!["/api/v1/monitor/search"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["examples"]!["recorded_trimmed"]!["value"];
        Assert.True(JsonNode.DeepEquals(recorded, JsonNode.Parse(File.ReadAllText(RecordedPath))), $"{RecordedPath} is not the recorded answer in {SharedSpec}");
    }

    [Fact]
    public async Task The_client_reads_the_recorded_answer_with_its_quirks()
    {
        var body = File.ReadAllText(RecordedPath);
        await using var server = HostileServer.Always(200, body, ("Content-Type", "application/json"));
        using var client = new DatadogClient(server.Url, new Credentials("k", "a"), TestEmulator.FastRetries);

        var matches = await client.SearchMonitorsAsync("(service:foo) muted:false", 3, default);

        Assert.Equal(199, matches.Total); // metadata.total_count, not page_count (7) nor the rows (1)
        var hit = Assert.Single(matches.Sample);
        Assert.Equal((56889922L, "Test-Python-Edit_a_monitor_returns_OK_response-1638926914", "OK"), (hit.Id, hit.Name, hit.Status));
    }

    [Fact]
    public async Task Client_requests_and_emulator_answers_fit_the_contract()
    {
        var spec = OpenApiSpec.Load(ContractPath);
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Monitors.Add([new MonitorRecord(1, "Checkout errors", ["service:checkout"], false, "Alert", 1), new MonitorRecord(2, "Muted", ["service:checkout"], true, "OK")]);
        var exchanges = new List<Exchange>();
        using (var client = TestEmulator.Client(emulator, new RecordingHandler(exchanges)))
        {
            await client.SearchMonitorsAsync("(service:checkout) muted:false", 3, default);
            await client.SearchMonitorsAsync("(service:nothing) muted:false", 3, default);
            await Assert.ThrowsAsync<DatadogApiException>(() => client.SearchMonitorsAsync("status:notastatus", 3, default));
            emulator.State.Monitors.Forbidden = true;
            await Assert.ThrowsAsync<DatadogApiException>(() => client.SearchMonitorsAsync("service:checkout", 3, default));
        }

        var validator = new SchemaValidator(spec);
        var problems = new List<string>();
        foreach (var e in exchanges)
        {
            var (template, operation) = spec.Find(e.Method, e.Path) ?? throw new Xunit.Sdk.XunitException($"{e.Method} {e.Path} is not in the contract");
            var declared = (operation["parameters"] as JsonArray ?? []).Select(p => Resolve(spec, p!)["name"]!.GetValue<string>()).ToHashSet();
            var sent = e.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0]));
            problems.AddRange(sent.Where(name => !declared.Contains(name)).Select(name => $"{template}: query parameter {name} is not declared"));
            if (!OpenApiSpec.Declares(operation, e.Status)) problems.Add($"{template} -> {e.Status}: not declared");
            if (spec.ResponseSchema(operation, e.Status) is { } schema) problems.AddRange(validator.Validate(JsonNode.Parse(e.ResponseBody), schema).Select(p => $"{template} -> {e.Status}: {p}"));
            if (e.ContentType != "application/json") problems.Add($"{template} -> {e.Status}: content type {e.ContentType}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal([200, 200, 400, 403], exchanges.Select(e => e.Status));
        Assert.Contains("query=%28service%3Acheckout%29%20muted%3Afalse", exchanges[0].Query, StringComparison.Ordinal);
    }

    private static JsonObject Resolve(OpenApiSpec spec, JsonNode parameter) => spec.Resolve(parameter.AsObject());
}
