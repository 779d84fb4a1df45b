using System.Text;
using System.Text.Json;
using DdGates.Model;

namespace DdGates;

/// <summary>A JSON document written with <see cref="Utf8JsonWriter"/> (no reflection: the build is trimmed), returned as text.</summary>
public static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented })) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A gate's natural key as every report spells it: key, service, env, identifier.</summary>
    public static void Key(Utf8JsonWriter w, DdGates.Model.GateKey key)
    {
        w.WriteString("key", key.ToString());
        w.WriteString("service", key.Service);
        w.WriteString("env", key.Env);
        w.WriteString("identifier", key.Identifier);
    }

    /// <summary>An array property of strings.</summary>
    public static void Strings(Utf8JsonWriter w, string property, IEnumerable<string> values)
    {
        w.WriteStartArray(property);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }
}
