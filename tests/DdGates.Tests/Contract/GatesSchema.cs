using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.RepresentationModel;
using DdGates.Cli.Inputs;

namespace DdGates.Tests.Contract;

/// <summary>
/// schema/gates.schema.json as a real JSON Schema validator (JsonSchema.Net, draft-07) judges a gates file. A YAML file is
/// turned into JSON the way YAML 1.2's core schema types plain scalars (yaml.org/spec/1.2.2, 10.3.2), which is how the
/// editors that apply the schema read it.
/// </summary>
internal static partial class GatesSchema
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(DdGates.Tests.Manifests.RepoFiles.Root, "schema", "gates.schema.json")));

    public static IReadOnlyList<string> Problems(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Problems(doc.RootElement);
    }

    public static IReadOnlyList<string> ProblemsOfYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        using var doc = JsonDocument.Parse(ToJson(stream.Documents[0].RootNode)?.ToJsonString() ?? "null");
        return Problems(doc.RootElement);
    }

    private static IReadOnlyList<string> Problems(JsonElement root)
    {
        var result = Schema.Evaluate(root, new EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        if (result.IsValid) return [];
        var problems = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        return problems.Count > 0 ? problems : ["invalid"];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.Plain } s => JsonValue.Create(s.Value),
        YamlScalarNode { Value: null or "" or "~" or "null" or "Null" or "NULL" } => null,
        YamlScalarNode { Value: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        YamlScalarNode { Value: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        YamlScalarNode { Value: var v } when CoreInt().IsMatch(v!) => JsonNode.Parse(v!.TrimStart('+')),
        YamlScalarNode { Value: var v } when CoreFloat().IsMatch(v!) => JsonValue.Create(double.Parse(v!, CultureInfo.InvariantCulture)),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex CoreInt();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex CoreFloat();
}
