using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DdGates.Cli.Inputs;
using DdGates.Cli.Platforms.AzurePipelines;

namespace DdGates.Tests.Manifests;

/// <summary>task.json and vss-extension.json agree with the input table, action.yml and the project version.</summary>
public partial class TaskManifestParityTests
{
    private static readonly JsonObject Task = JsonNode.Parse(RepoFiles.Read("task/DdGatesV1/task.json"))!.AsObject();
    private static readonly JsonObject Extension = JsonNode.Parse(RepoFiles.Read("task/vss-extension.json"))!.AsObject();
    private static readonly string[] AzureOnly = [ServiceConnection.InputName, "runMethod"];

    private static IEnumerable<JsonObject> Inputs => Task["inputs"]!.AsArray().Select(i => i!.AsObject());

    [Fact]
    public void Task_inputs_are_the_table_in_azure_spelling_plus_the_azure_only_ones()
    {
        var names = Inputs.Select(i => i["name"]!.GetValue<string>()).ToList();
        var onAzure = InputTable.All.Except(InputTable.GitHubOnly).ToList();

        Assert.Equal(onAzure.Select(i => i.Azure).Concat(AzureOnly).Order(), names.Order());
        foreach (var spec in onAzure)
        {
            var input = Inputs.Single(i => i["name"]!.GetValue<string>() == spec.Azure);
            Assert.True(spec.Description == input["helpMarkDown"]?.GetValue<string>(), $"{spec.Azure}: help");
            Assert.True(spec.DefaultOnAzure == input["defaultValue"]?.GetValue<string>(), $"{spec.Azure}: default");
            Assert.True(spec.AzureType == input["type"]?.GetValue<string>(), $"{spec.Azure}: type");
            if (spec.Choices is { } choices) Assert.Equal(choices, input["options"]!.AsObject().Select(o => o.Key));
        }
    }

    [Fact]
    public void Task_inputs_follow_the_agent_schema()
    {
        foreach (var input in Inputs)
        {
            Assert.Matches(NameRule(), input["name"]!.GetValue<string>());
            if (input["type"]!.GetValue<string>() == "pickList") Assert.NotEmpty(input["options"]!.AsObject());
            if (input["visibleRule"]?.GetValue<string>() is { } rule)
            {
                foreach (var reference in Regex.Matches(rule, @"(\w+) =").Select(m => m.Groups[1].Value)) Assert.Contains(reference, Inputs.Select(i => i["name"]!.GetValue<string>()));
            }
        }

        Assert.Equal("connectedService:" + EndpointTypeName(), Inputs.Single(i => i["name"]!.GetValue<string>() == ServiceConnection.InputName)["type"]!.GetValue<string>());
        Assert.True(Task["friendlyName"]!.GetValue<string>().Length <= 40);
        Assert.Matches("^[A-Za-z0-9-]+$", Task["name"]!.GetValue<string>());
    }

    [Fact]
    public void Output_variables_are_the_table_outputs()
    {
        var outputs = Task["outputVariables"]!.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>(), o => o!["description"]!.GetValue<string>());

        Assert.Equal(OutputTable.All.Select(o => o.Azure), outputs.Keys);
        Assert.All(OutputTable.All, o => Assert.Equal(o.Description, outputs[o.Azure]));
        Assert.All(outputs.Keys, k => Assert.Matches(NameRule(), k));
    }

    [Fact]
    public void Execution_targets_exist_and_versions_agree()
    {
        var execution = Task["execution"]!.AsObject();
        Assert.Equal(["Node20_1", "Node24"], execution.Select(e => e.Key));
        foreach (var (_, handler) in execution) Assert.True(File.Exists(Path.Combine(RepoFiles.Root, "task", "DdGatesV1", handler!["target"]!.GetValue<string>())));
        Assert.True(Version.Parse(Task["minimumAgentVersion"]!.GetValue<string>()) >= new Version(4, 248, 0));

        var v = Task["version"]!;
        Assert.Equal(RepoFiles.Version, $"{v["Major"]}.{v["Minor"]}.{v["Patch"]}");
        Assert.Equal(RepoFiles.Version, Extension["version"]!.GetValue<string>());
    }

    [Fact]
    public void The_wrapper_runs_the_image_action_yml_pins()
    {
        var image = Regex.Match(RepoFiles.Read("task/DdGatesV1/index.js"), "const IMAGE = '([^']+)'").Groups[1].Value;

        Assert.Equal($"docker://{image}", Regex.Match(RepoFiles.Read("action.yml"), @"image: (\S+)").Groups[1].Value);
    }

    [Fact]
    public void The_endpoint_type_carries_api_key_app_key_and_site()
    {
        var endpoint = Extension["contributions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "ms.vss-endpoint.service-endpoint-type")!["properties"]!;
        var auth = endpoint["authenticationSchemes"]!.AsArray().Single()!;

        Assert.Equal("ms.vss-endpoint.endpoint-auth-scheme-token", auth["type"]!.GetValue<string>());
        Assert.Equal(["apitoken", "appkey"], auth["inputDescriptors"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
        Assert.All(auth["inputDescriptors"]!.AsArray(), d => Assert.True(d!["isConfidential"]!.GetValue<bool>()));
        Assert.Equal("site", endpoint["inputDescriptors"]!.AsArray().Single()!["id"]!.GetValue<string>());
    }

    private static string EndpointTypeName() => Extension["contributions"]!.AsArray()
        .Single(c => c!["type"]!.GetValue<string>() == "ms.vss-endpoint.service-endpoint-type")!["properties"]!["name"]!.GetValue<string>();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex NameRule();
}
