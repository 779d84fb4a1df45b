using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using DdGates.Tests.Manifests;

namespace DdGates.Tests.Contract;

/// <summary>
/// The Datadog contract as the repository keeps it (docs/datadog-contract.json, the facts of Datadog's
/// OpenAPI description; see <see cref="ContractExtract"/>), so contract tests run on every clone.
/// </summary>
internal sealed class OpenApiSpec
{
    private readonly JsonObject _root;

    private OpenApiSpec(JsonObject root) => _root = root;

    /// <summary>Datadog's OpenAPI description where it sits beside the clone (../shared, as in CI); null elsewhere.</summary>
    public static string? FindPath()
    {
        var spec = Path.Combine(RepoFiles.Root, "..", "shared", "datadog", "deployment-gates.openapi.yaml");
        return File.Exists(spec) ? Path.GetFullPath(spec) : null;
    }

    public static string ContractPath() => Path.Combine(RepoFiles.Root, "docs", "datadog-contract.json");

    public static OpenApiSpec Load() => Load(ContractPath());

    /// <summary>Any contract file of the same shape (docs/pr-comments-contract.json).</summary>
    public static OpenApiSpec Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    public JsonObject Resolve(JsonObject node) => SchemaValidator.ResolveLocal(_root, node);

    /// <summary>
    /// The operation for a method and a concrete path, e.g. PUT /api/v2/deployment_gates/{id}. Literal paths win
    /// over templated ones, as OpenAPI says: /deployment_gates/evaluations is not "get gate evaluations".
    /// </summary>
    public (string Template, JsonObject Operation)? Find(string method, string path)
    {
        foreach (var (template, item) in _root["paths"]!.AsObject().OrderBy(p => p.Key.Count(c => c == '{')))
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[A-Za-z_]+}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern) && item![method.ToLowerInvariant()] is JsonObject operation) return (template, operation);
        }

        return null;
    }

    public JsonObject? RequestSchema(JsonObject operation) =>
        operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject s ? Resolve(s) : null;

    public JsonObject? ResponseSchema(JsonObject operation, int status)
    {
        if (operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response) return null;
        return Resolve(response)["content"]?["application/json"]?["schema"] is JsonObject s ? Resolve(s) : null;
    }

    public static bool Declares(JsonObject operation, int status) =>
        operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not null;

    /// <summary>YAML to JSON nodes: plain scalars that read as integers, booleans or null become those.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var v } when long.TryParse(v, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
