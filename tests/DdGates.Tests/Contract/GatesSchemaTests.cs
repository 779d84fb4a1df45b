using System.Text.Json.Nodes;
using DdGates.Config;

namespace DdGates.Tests.Contract;

/// <summary>The editor schema (schema/gates.schema.json) accepts the examples and names exactly the fields the reader accepts.</summary>
public class GatesSchemaTests
{
    private static readonly string Root = DdGates.Tests.Manifests.RepoFiles.Root;

    private static JsonObject Schema => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "schema", "gates.schema.json")))!.AsObject();

    [Theory]
    [InlineData("gates.yaml", 3)]
    [InlineData("fleet.yaml", 6)]
    public void Schema_and_reader_accept_the_example_gates_files(string name, int gates)
    {
        var text = File.ReadAllText(Path.Combine(Root, "examples", name));

        Assert.Empty(GatesSchema.ProblemsOfYaml(text));
        var read = DesiredStateLoader.FromGatesFile(text, name);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(gates, read.Gates.Count);
    }

    [Fact]
    public void Schema_refuses_a_misspelt_field()
    {
        var problems = GatesSchema.Problems("""{"gates":[{"service":"web","env":"prod","rule":[]}]}""");

        Assert.Contains(problems, p => p.StartsWith("/gates/0/rule:", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_and_reader_name_the_same_fields()
    {
        var definitions = Schema["definitions"]!.AsObject();
        static string[] Fields(JsonNode? definition) => [.. definition!["properties"]!.AsObject().Select(p => p.Key).Order()];

        Assert.Equal(DdGates.Config.GatesFileReader.GateFields.Order(), Fields(definitions["gate"]));
        Assert.Equal(DdGates.Config.RuleReader.RuleFields.Order(), Fields(definitions["rule"]));
        Assert.Equal(DdGates.Config.RuleReader.FaultyFields.Order(), Fields(definitions["faultyDeploymentOptions"]));
        Assert.Equal(DdGates.Config.RuleReader.MonitorFields.Order(),
            Fields(definitions["monitorQueryOptions"]).Union(Fields(definitions["monitorIdsOptions"])).Order());
    }
}
