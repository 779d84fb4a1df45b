using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DdGates.Tests.Contract;

/// <summary>
/// The subset of JSON Schema (OpenAPI 3.0 flavour) that the deployment-gates spec uses: $ref, oneOf,
/// type, nullable, properties, required, additionalProperties: false, items, enum, minimum, maximum, minItems,
/// and the uuid and date-time formats. Anything else in a schema is ignored.
/// </summary>
internal sealed partial class SchemaValidator(Func<JsonObject, JsonObject> resolve)
{
    public List<string> Validate(JsonNode? value, JsonObject schema, string path = "$")
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        return errors;
    }

    public SchemaValidator(OpenApiSpec spec) : this(spec.Resolve)
    {
    }

    /// <summary>For plain JSON Schema documents with local "#/..." references.</summary>
    public static SchemaValidator ForDocument(JsonObject root) => new(node => ResolveLocal(root, node));

    /// <summary>Follows "#/a/b" references within <paramref name="root"/> until a schema that is not a reference.</summary>
    public static JsonObject ResolveLocal(JsonObject root, JsonObject node)
    {
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            node = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode)root, (n, part) => n[part]!).AsObject();
        }

        return node;
    }


    private void Check(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        schema = resolve(schema);
        if (value is null && schema["nullable"]?.GetValue<bool>() == true) return;
        if (schema["oneOf"] is JsonArray options)
        {
            var matching = options.Count(o => Validate(value, o!.AsObject(), path).Count == 0);
            if (matching != 1) errors.Add($"{path}: matches {matching} of the oneOf schemas, expected exactly 1 ({value?.ToJsonString()})");
            return;
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                if (value is not JsonObject obj) { errors.Add($"{path}: expected an object"); return; }
                if (schema["additionalProperties"] is JsonObject valueSchema)
                {
                    foreach (var (name, child) in obj) Check(child, valueSchema, $"{path}.{name}", errors);
                }

                foreach (var required in schema["required"]?.AsArray() ?? [])
                {
                    if (!obj.ContainsKey(required!.GetValue<string>())) errors.Add($"{path}: missing required \"{required}\"");
                }

                var properties = schema["properties"]?.AsObject();
                foreach (var (name, child) in obj)
                {
                    if (properties?[name] is JsonObject childSchema) Check(child, childSchema, $"{path}.{name}", errors);
                    else if (schema["additionalProperties"] is JsonValue a && !a.GetValue<bool>()) errors.Add($"{path}: property \"{name}\" is not allowed");
                }

                break;
            case "array":
                if (value is not JsonArray array) { errors.Add($"{path}: expected an array"); return; }
                if (schema["minItems"]?.GetValue<long>() is { } min && array.Count < min) errors.Add($"{path}: fewer than {min} items");
                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < array.Count; i++) Check(array[i], items, $"{path}[{i}]", errors);
                }

                break;
            case "string":
                if (value?.GetValueKind() != JsonValueKind.String) { errors.Add($"{path}: expected a string"); return; }
                var text = value.GetValue<string>();
                if (schema["format"]?.GetValue<string>() == "uuid" && !Guid.TryParse(text, out _)) errors.Add($"{path}: not a uuid: {text}");
                if (schema["format"]?.GetValue<string>() == "date-time" && !Rfc3339().IsMatch(text)) errors.Add($"{path}: not an RFC 3339 date-time: {text}");
                break;
            case "integer":
                if (value?.GetValueKind() != JsonValueKind.Number || !long.TryParse(value.ToJsonString(), out var n)) { errors.Add($"{path}: expected an integer"); return; }
                if (schema["minimum"]?.GetValue<long>() is { } lo && n < lo) errors.Add($"{path}: {n} < minimum {lo}");
                if (schema["maximum"]?.GetValue<long>() is { } hi && n > hi) errors.Add($"{path}: {n} > maximum {hi}");
                break;
            case "boolean":
                if (value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{path}: expected a boolean");
                break;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => a!.ToJsonString() == value?.ToJsonString()))
        {
            errors.Add($"{path}: {value?.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
