using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DdGates.Tests.Contract;

/// <summary>
/// The Datadog contract in ../shared/datadog, read from where CI has it (beside the clone). It is not
/// copied into the repository; tests that need it are skipped with a message where it is absent.
/// </summary>
internal sealed class OpenApiSpec
{
    private readonly JsonObject _root;

    private OpenApiSpec(JsonObject root) => _root = root;

    public static string? FindPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Actions.sln"))) continue;
            var spec = Path.Combine(dir.FullName, "..", "shared", "datadog", "deployment-gates.openapi.yaml");
            return File.Exists(spec) ? Path.GetFullPath(spec) : null;
        }

        return null;
    }

    public static OpenApiSpec Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return new OpenApiSpec((JsonObject)ToJson(stream.Documents[0].RootNode)!);
    }

    public JsonObject Resolve(JsonObject node) => SchemaValidator.ResolveLocal(_root, node);

    /// <summary>The operation for a method and a concrete path, e.g. PUT /api/v2/deployment_gates/{id}.</summary>
    public (string Template, JsonObject Operation)? Find(string method, string path)
    {
        foreach (var (template, item) in _root["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[a-z_]+}", "[^/]+") + "$";
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

    /// <summary>YAML to JSON nodes: plain scalars that read as integers or booleans become those.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var v } when long.TryParse(v, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
