using DdGates.Cli.Commands;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Evaluation;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Platforms.Console;

/// <summary>
/// A person at a terminal: each view's text on stdout (or, with -o json, one JSON document: the last view's), progress,
/// warnings and problems on stderr, in colour on a terminal that takes it. Inputs are named by their command-line options.
/// </summary>
public sealed class TerminalPresenter(TextWriter stdout, TextWriter stderr, OutputFormat format, bool evaluates, Colour colour) : IRunPresenter
{
    private readonly Lock _lock = new();
    private readonly System.Text.StringBuilder _shown = new();
    private ICommandView? _last;
    private bool _evaluationShown;

    private bool Json => format == OutputFormat.Json;

    public void Progress(string message) => Line(colour.Dim($"... {message}"));

    public void Debug(string message) => Line(colour.Dim($"... {message}"));

    public void Warning(string message) => Line($"{colour.Yellow("warning:")} {message}");

    public IDisposable Group(string title) => new LogGroup(() => { });

    public void Planned(ICommandView plan)
    {
        if (!Json && !evaluates) Write(stdout, plan.Text());
    }

    public void GateApplied(string line) => Progress(line);

    public void Show(ICommandView view)
    {
        _last = view;
        var evaluation = view.IsVerdict;
        _evaluationShown |= evaluation;
        // evaluate: stdout holds the verdict; what apply did before it goes with the progress.
        if (view.TextIsDiagnostic || evaluates && !evaluation) Write(stderr, view.Text());
        else if (!Json) Write(stdout, view.Text());
        foreach (var note in view.Annotations.Where(a => !a.InText || Json && !view.TextIsDiagnostic))
        {
            var where = note.At is null ? "" : $"{note.At}: ";
            Line(note.IsError ? $"{where}{colour.Red("error:")} {note.Message}" : note.IsNotice ? $"{where}notice: {note.Message}" : $"{where}{colour.Yellow("warning:")} {note.Message}");
        }
    }

    public void Finish(CommandExit exit)
    {
        if (exit.Reason is { } reason && !_shown.ToString().Contains(reason, StringComparison.Ordinal))
        {
            Line(exit.Conclusion is Conclusion.Failed or Conclusion.Crashed ? $"{colour.Red("error:")} {reason}"
                : exit.Conclusion == Conclusion.Cancelled ? reason : $"{colour.Yellow("warning:")} {reason}");
        }

        if (!Json) return;
        // One document, made only now and only with -o json: the last view's.
        var document = evaluates && !_evaluationShown ? null : _last?.Json();
        if (document is not { Length: > 0 })
        {
            // Nothing (of this command's kind) was decided: one document still says why, with the exit code.
            if (exit.Code == ExitCodes.Ok) return;
            document = ProblemsView.Document(exit.Code == ExitCodes.InvalidInput ? "invalid" : "failed", exit.Code, exit.Reason ?? "failed", [], evaluates, InputNames.CommandLine);
        }

        stdout.WriteLine(document);
    }

    private void Write(TextWriter writer, string text)
    {
        if (text.Length == 0) return;
        _shown.Append(text);
        writer.Write(writer == stdout ? colour.Plan(text) : colour.Problems(text));
    }

    private void Line(string text)
    {
        lock (_lock) stderr.WriteLine(text);
    }
}
