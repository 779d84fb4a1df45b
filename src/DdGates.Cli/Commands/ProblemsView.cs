using System.Text;
using System.Text.Json;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Inputs;

namespace DdGates.Cli.Commands;

/// <summary>
/// Every problem in the input, before anything was sent, for any command: the same list (the first
/// <see cref="GatesFile.MaxProblemsShown"/>, then how many more) on the terminal, in the summary, as annotations and in JSON.
/// </summary>
public sealed class ProblemsView(IReadOnlyList<Diagnostic> problems, InputNames names, bool evaluates = false) : ICommandView
{
    public IReadOnlyList<Diagnostic> Problems => problems;

    public string Reason { get; } = CommandExit.Invalid(problems.Count).Reason!;

    public bool TextIsDiagnostic => true;

    public bool IsVerdict => evaluates;

    public string Text()
    {
        var text = new StringBuilder($"error: {Reason}:\n");
        foreach (var line in ProblemList.Lines(problems, Describe)) text.Append("  ").Append(line).Append('\n');
        return text.ToString();
    }

    public string Json(bool indented = true) => Document("invalid", ExitCodes.InvalidInput, Reason, problems, evaluates, names, indented);

    public string Markdown(int limitBytes)
    {
        var text = new StringBuilder($"## Datadog Deployment Gates: invalid input\n\n**{Plural.Of(problems.Count, "problem", "problems")}; nothing was sent to Datadog.**\n\n");
        foreach (var line in ProblemList.Lines(problems, Describe)) text.AppendLine($"- {MarkdownText.Escape(line)}");
        return text.ToString();
    }

    public IReadOnlyList<(OutputSpec Output, string Value)> Outputs =>
        evaluates
            ? [(OutputTable.Result, "invalid"), (OutputTable.Changed, "false"), (OutputTable.GateStatus, GateStatus.Invalid.ToOutput())]
            : [(OutputTable.Result, "invalid"), (OutputTable.Changed, "false")];

    /// <summary>One per problem; an annotation on the file and line carries only the path and the message.</summary>
    public IReadOnlyList<Annotation> Annotations =>
        [.. problems.Select(p => new Annotation(true, p.Location is null ? Describe(p) : p.PathAndMessage, p.Location, InText: true))];

    private string Describe(Diagnostic p) => p.Describe(names.Where);

    /// <summary>The one document -o json prints when nothing could be planned or evaluated: bad input (exit 3) or a failure before any result (exit 1).</summary>
    public static string Document(string result, int exitCode, string message, IReadOnlyList<Diagnostic> problems, bool evaluates, InputNames names, bool indented = true) =>
        JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("result", result);
            if (evaluates)
            {
                w.WriteString("gate_status", result == "invalid" ? "invalid" : "error");
                w.WriteBoolean("blocks", true);
            }
            else
            {
                w.WriteBoolean("changed", false);
            }

            w.WriteNumber("exit_code", exitCode);
            w.WriteString("message", message);
            w.WriteStartArray("problems");
            foreach (var p in problems) Problem(w, p, names);
            w.WriteEndArray();
            w.WriteEndObject();
        }, indented);

    private static void Problem(Utf8JsonWriter w, Diagnostic p, InputNames names)
    {
        w.WriteStartObject();
        switch (p.Where)
        {
            case InFile f:
                w.WriteString("file", f.File);
                if (f.Line > 0)
                {
                    w.WriteNumber("line", f.Line);
                    w.WriteNumber("column", f.Column);
                }

                break;
            case FromInput i:
                w.WriteString("input", names.Of(i.Input));
                break;
            case FromEnv e:
                w.WriteString("env", e.Name);
                break;
        }

        if (p.Path.Length > 0) w.WriteString("path", p.Path);
        w.WriteString("message", p.Message);
        w.WriteEndObject();
    }
}
