using System.Text;
using DdGates.Exporting;

namespace DdGates.Cli.Rendering;

/// <summary>The step summary of an export: the counts, each gate left out and why, and the file itself folded, cut to the summary's size.</summary>
public static class ExportSummary
{
    public static string Render(ExportedFile file, string document, string? path, int maxBytes)
    {
        var text = new StringBuilder("## Datadog Deployment Gates: export\n\n");
        text.Append($"**Exported {Words.Plural(file.GateCount, "gate", "gates")} in {Words.Plural(file.Entries.Count, "entry", "entries")}")
            .AppendLine(path is null ? ".**" : $" to `{Markdown.Escape(path)}`.**").AppendLine();
        foreach (var left in file.LeftOut) text.AppendLine($"- left out **{Markdown.Escape(left.Key.ToString())}**: {Markdown.Escape(left.Why)}");
        if (file.LeftOut.Count > 0) text.AppendLine();
        var room = maxBytes - 4096 - Encoding.UTF8.GetByteCount(text.ToString());
        if (Encoding.UTF8.GetByteCount(document) > room) return text.AppendLine("_The file is too large for the summary; it is in the log (or the file written)._").ToString();
        return text.AppendLine("<details><summary>The gates file</summary>").AppendLine()
            .AppendLine("```yaml").Append(document.TrimEnd('\n')).AppendLine().AppendLine("```").AppendLine("</details>").ToString();
    }
}
