using System.Text;
using System.Text.Json;

namespace DdGates.Cli.Rendering;

/// <summary>A JSON document written with <see cref="Utf8JsonWriter"/> (no reflection: the build is trimmed), returned as text.</summary>
public static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented })) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
