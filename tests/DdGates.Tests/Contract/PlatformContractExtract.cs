using System.Text.Json;
using System.Text.Json.Nodes;

namespace DdGates.Tests.Contract;

/// <summary>
/// Writes docs/pr-comments-contract.json: the facts of the GitHub and Azure DevOps endpoints the plan comment uses,
/// taken from GitHub's OpenAPI description (github/rest-api-description, as npm's @octokit/openapi republishes it)
/// and Azure DevOps' REST specification (MicrosoftDocs/vsts-rest-api-specs, specification/git/7.0/git.json).
/// Only paths, methods, parameters, statuses, required fields and the types of plain fields are kept; prose is dropped,
/// and a field whose schema is an object of its own (a user, an identity) is kept as "any", since nothing here reads it.
/// </summary>
internal static class PlatformContractExtract
{
    public static readonly (string Path, string Method)[] GitHubOperations =
    [
        ("/repos/{owner}/{repo}/issues/{issue_number}/comments", "get"),
        ("/repos/{owner}/{repo}/issues/{issue_number}/comments", "post"),
        ("/repos/{owner}/{repo}/issues/comments/{comment_id}", "patch"),
        ("/repos/{owner}/{repo}/issues/comments/{comment_id}", "delete"),
    ];

    private const string Threads = "/{organization}/{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}/threads";

    public static readonly (string Path, string Method)[] AzureOperations =
    [
        (Threads, "get"),
        (Threads, "post"),
        (Threads + "/{threadId}/comments/{commentId}", "patch"),
        (Threads + "/{threadId}/comments/{commentId}", "delete"),
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The whole contract file: both platforms' facts.</summary>
    public static string FromDescriptions(string gitHubOpenApi, string azureSwagger)
    {
        var (paths, schemas) = GitHubFacts(gitHubOpenApi);
        var azure = AzureFacts(azureSwagger);
        foreach (var (path, item) in azure.Paths) paths[path] = item!.DeepClone();
        foreach (var (name, schema) in azure.Schemas) schemas[name] = schema!.DeepClone();
        var root = new JsonObject { ["openapi"] = "3.0.0", ["paths"] = Sorted(paths), ["components"] = new JsonObject { ["schemas"] = Sorted(schemas) } };
        return root.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>GitHub's part alone: its paths and its "github-" schemas.</summary>
    public static (JsonObject Paths, JsonObject Schemas) GitHubFacts(string gitHubOpenApi)
    {
        var (paths, schemas) = (new JsonObject(), new JsonObject());
        GitHub(JsonNode.Parse(gitHubOpenApi)!.AsObject(), paths, schemas);
        return (paths, schemas);
    }

    /// <summary>Azure DevOps' part alone: its paths and its "azure-" schemas.</summary>
    public static (JsonObject Paths, JsonObject Schemas) AzureFacts(string azureSwagger)
    {
        var (paths, schemas) = (new JsonObject(), new JsonObject());
        Azure(JsonNode.Parse(azureSwagger)!.AsObject(), paths, schemas);
        return (paths, schemas);
    }

    private static void GitHub(JsonObject spec, JsonObject paths, JsonObject schemas)
    {
        JsonObject Resolve(JsonNode node) => SchemaValidator.ResolveLocal(spec, node.AsObject());
        foreach (var (path, method) in GitHubOperations)
        {
            var op = spec["paths"]![path]![method]!.AsObject();
            var fact = new JsonObject { ["operationId"] = op["operationId"]!.DeepClone(), ["parameters"] = Parameters(op["parameters"]!.AsArray().Select(p => Resolve(p!))) };
            if (op["requestBody"]?["content"]?["application/json"]?["schema"] is { } body) fact["requestBody"] = Json(Plain(Resolve(body), Resolve));
            var responses = new JsonObject();
            foreach (var (status, response) in op["responses"]!.AsObject())
            {
                var schema = Resolve(response!)["content"]?["application/json"]?["schema"];
                responses[status] = schema is null ? new JsonObject() : Json(GitHubSchema(Resolve(schema), Resolve, schemas));
            }

            fact["responses"] = responses;
            Add(paths, path, method, fact);
        }
    }

    /// <summary>A named GitHub schema becomes a component ("github-issue-comment"); an array keeps its items' reference.</summary>
    private static JsonObject GitHubSchema(JsonObject schema, Func<JsonNode, JsonObject> resolve, JsonObject schemas)
    {
        if (schema["type"]?.GetValue<string>() == "array") return new JsonObject { ["type"] = "array", ["items"] = GitHubSchema(resolve(schema["items"]!), resolve, schemas) };
        var name = "github-" + (schema["title"]?.GetValue<string>() ?? "object").ToLowerInvariant().Replace(' ', '-');
        schemas[name] = Plain(schema, resolve);
        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    private static void Azure(JsonObject spec, JsonObject paths, JsonObject schemas)
    {
        foreach (var (path, method) in AzureOperations)
        {
            var op = spec["paths"]![path]![method]!.AsObject();
            var parameters = op["parameters"]!.AsArray().Select(p => SchemaValidator.ResolveLocal(spec, p!.AsObject())).ToList();
            var fact = new JsonObject
            {
                ["operationId"] = op["operationId"]!.DeepClone(),
                ["parameters"] = Parameters(parameters.Where(p => p["in"]!.GetValue<string>() != "body")
                    .Select(p => new JsonObject { ["in"] = p["in"]!.DeepClone(), ["name"] = p["name"]!.DeepClone(), ["required"] = p["required"]?.DeepClone() ?? false, ["schema"] = new JsonObject { ["type"] = p["type"]!.DeepClone() } })),
            };
            if (parameters.FirstOrDefault(p => p["in"]!.GetValue<string>() == "body") is { } body) fact["requestBody"] = Json(AzureSchema(spec, body["schema"]!.AsObject(), schemas));
            var responses = new JsonObject();
            foreach (var (status, response) in op["responses"]!.AsObject())
            {
                responses[status] = response!["schema"] is JsonObject schema ? Json(AzureSchema(spec, schema, schemas)) : new JsonObject();
            }

            fact["responses"] = responses;
            Add(paths, path, method, fact);
        }
    }

    /// <summary>
    /// Azure definitions flattened (allOf merged) into "azure-" components. A list answers on the wire as
    /// {"count": n, "value": [...]}, as every collection of the service does and the spec's own httpExamples show
    /// (pullRequestThreads/GET__...threads.json), though its response schema says a bare array.
    /// </summary>
    private static JsonObject AzureSchema(JsonObject spec, JsonObject schema, JsonObject schemas)
    {
        if (schema["type"]?.GetValue<string>() == "array")
        {
            return new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("count", "value"),
                ["properties"] = new JsonObject { ["count"] = new JsonObject { ["type"] = "integer" }, ["value"] = new JsonObject { ["type"] = "array", ["items"] = AzureSchema(spec, schema["items"]!.AsObject(), schemas) } },
            };
        }

        var name = schema["$ref"]!.GetValue<string>().Split('/')[^1];
        var properties = new JsonObject();
        foreach (var part in Flatten(spec, name))
        {
            foreach (var (field, fieldSchema) in part["properties"]?.AsObject() ?? [])
            {
                var plain = fieldSchema!.AsObject();
                properties[field] = plain["items"]?["$ref"] is { } items && items.GetValue<string>().EndsWith("/Comment", StringComparison.Ordinal)
                    ? new JsonObject { ["type"] = "array", ["items"] = AzureSchema(spec, plain["items"]!.AsObject(), schemas) }
                    : Field(plain, r => SchemaValidator.ResolveLocal(spec, r.AsObject()));
            }
        }

        schemas["azure-" + name] = new JsonObject { ["type"] = "object", ["properties"] = Sorted(properties) };
        return new JsonObject { ["$ref"] = "#/components/schemas/azure-" + name };
    }

    private static IEnumerable<JsonObject> Flatten(JsonObject spec, string name)
    {
        var definition = spec["definitions"]![name]!.AsObject();
        foreach (var parent in definition["allOf"]?.AsArray() ?? [])
        {
            foreach (var part in Flatten(spec, parent!["$ref"]!.GetValue<string>().Split('/')[^1])) yield return part;
        }

        yield return definition;
    }

    /// <summary>An object schema with its required list and plain fields.</summary>
    private static JsonObject Plain(JsonObject schema, Func<JsonNode, JsonObject> resolve)
    {
        var result = new JsonObject { ["type"] = "object" };
        if (schema["required"] is JsonArray required) result["required"] = required.DeepClone();
        var properties = new JsonObject();
        foreach (var (field, fieldSchema) in schema["properties"]!.AsObject()) properties[field] = Field(fieldSchema!.AsObject(), resolve);
        result["properties"] = Sorted(properties);
        return result;
    }

    /// <summary>A plain field keeps its type, format, nullability and enum; anything built of other schemas becomes "any" ({}).</summary>
    private static JsonObject Field(JsonObject schema, Func<JsonNode, JsonObject> resolve)
    {
        var type = schema["type"]?.GetValue<string>() ?? (schema["enum"] is not null ? "string" : null); // Azure's enums carry no type
        if (type is null or "object" or "array") return new JsonObject();
        var field = new JsonObject { ["type"] = type };
        foreach (var keyword in new[] { "format", "nullable", "enum" })
        {
            if (schema[keyword] is { } value) field[keyword] = value.DeepClone();
        }

        return field;
    }

    private static JsonArray Parameters(IEnumerable<JsonObject> parameters) =>
        [.. parameters.OrderBy(p => p["in"]!.GetValue<string>(), StringComparer.Ordinal).ThenBy(p => p["name"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(p => (JsonNode)new JsonObject { ["in"] = p["in"]!.DeepClone(), ["name"] = p["name"]!.DeepClone(), ["required"] = p["required"]?.DeepClone() ?? false, ["schema"] = Field(p["schema"]!.AsObject(), n => n.AsObject()) })];

    private static JsonObject Json(JsonObject schema) => new() { ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } } };

    private static void Add(JsonObject paths, string path, string method, JsonObject operation)
    {
        if (paths[path] is not JsonObject item) paths[path] = item = [];
        item[method] = operation;
    }

    private static JsonObject Sorted(JsonObject node) => new(node.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
}
