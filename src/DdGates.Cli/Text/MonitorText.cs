using System.Text.Json;
using DdGates.Evaluation;

namespace DdGates.Cli.Text;

/// <summary>A failing monitor, spelled once for every report: a log line, a markdown link, and JSON.</summary>
public static class MonitorText
{
    public static string Line(MonitorFailure m) => $"monitor {m.Id} ({m.State}): {m.Url}";

    public static string Link(MonitorFailure m) => $"[monitor {MarkdownText.Escape(m.Id)}]({m.Url}) {MarkdownText.Escape(m.State)}";

    /// <summary>An array property of {id, state, url}.</summary>
    public static void Write(Utf8JsonWriter w, string property, IEnumerable<MonitorFailure> monitors)
    {
        w.WriteStartArray(property);
        foreach (var m in monitors)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Id);
            w.WriteString("state", m.State);
            w.WriteString("url", m.Url);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
