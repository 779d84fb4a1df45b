using System.Text;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Exporting;

namespace DdGates.Cli.Commands.Export;

/// <summary>
/// export: the gates file (YAML, or JSON with -o json), where it was written, and each gate left out and why. The
/// summary holds the counts, what was left out, and the file itself folded, cut to the summary's size.
/// </summary>
public sealed class ExportView(ExportedFile file, string document, string? path, bool json) : ICommandView
{
    /// <summary>The document itself when no file was given (stdout, or the step's log); else nothing.</summary>
    public string Text() => path is null && !json ? document.TrimEnd('\n') + "\n" : "";

    /// <summary>-o json: the document itself (the gates file as JSON), when no file was given.</summary>
    public string Json(bool indented = true) => path is null && json ? document.TrimEnd('\n') : "";

    public string Markdown(int limitBytes)
    {
        var text = new StringBuilder("## Datadog Deployment Gates: export\n\n");
        text.Append($"**Exported {Words.Plural(file.GateCount, "gate", "gates")} in {Words.Plural(file.Entries.Count, "entry", "entries")}")
            .AppendLine(path is null ? ".**" : $" to `{MarkdownText.Escape(path)}`.**").AppendLine();
        foreach (var left in file.LeftOut) text.AppendLine($"- left out **{MarkdownText.Escape(left.Key.ToString())}**: {MarkdownText.Escape(left.Why)}");
        if (file.LeftOut.Count > 0) text.AppendLine();
        var room = limitBytes - 4096 - Encoding.UTF8.GetByteCount(text.ToString());
        if (Encoding.UTF8.GetByteCount(document) > room) return text.AppendLine("_The file is too large for the summary; it is in the log (or the file written)._").ToString();
        var fence = MarkdownText.Fence(document);
        return text.AppendLine("<details><summary>The gates file</summary>").AppendLine()
            .AppendLine(fence + (json ? "json" : "yaml")).Append(document.TrimEnd('\n')).AppendLine().AppendLine(fence).AppendLine("</details>").ToString();
    }

    public IReadOnlyList<(OutputSpec Output, string Value)> Outputs => [(OutputTable.Result, "exported")];

    public IReadOnlyList<Annotation> Annotations => [.. file.LeftOut.Select(l => new Annotation(false, $"left out {l.Key}: {l.Why}"))];
}
