using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace DdGates.Tests.Contract;

/// <summary>
/// Turns Datadog's OpenAPI description into the repository's contract file: the facts only (paths,
/// methods, parameters, schemas, enums, constraints, security, permissions), with every piece of
/// prose (descriptions, summaries, examples, provenance notes) left out and keys in a stable order.
/// </summary>
internal static class ContractExtract
{
    /// <summary>Prose and provenance; dropped wherever they are schema keywords (not property names).</summary>
    private static readonly HashSet<string> Prose =
    [
        "description", "summary", "example", "examples", "title", "tags", "externalDocs", "contact",
        "x-unstable", "x-reconstructed", "x-source", "x-enum-varnames", "x-group-parameters",
    ];

    private static readonly string[] TopLevel = ["openapi", "paths", "components", "security"];

    public static string FromOpenApi(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (JsonObject)OpenApiSpec.ToJson(stream.Documents[0].RootNode)!;
        var facts = new JsonObject();
        foreach (var key in TopLevel)
        {
            if (root[key] is { } node) facts[key] = Strip(node, parentKey: null);
        }

        return facts.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode? Strip(JsonNode? node, string? parentKey) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => parentKey == "properties" || !Prose.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Strip(p.Value, p.Key)))),
        JsonArray array => new JsonArray([.. array.Select(item => Strip(item, parentKey))]),
        _ => node?.DeepClone(),
    };
}
