using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Platforms;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Evaluation;
using DdGates.Reconciling;

namespace DdGates.Cli.Step;

/// <summary>
/// A CI step (GitHub Action, Azure task): progress in the log, each view's text in the log, its outputs, its
/// annotations on the gates file and its summary. Every step sets <c>result</c> (and, when it evaluates,
/// <c>gate-status</c>) and fails at most once, in <see cref="Finish"/>.
/// </summary>
public sealed class StepPresenter(ICiHost host, string command, bool evaluates) : IRunPresenter
{
    private readonly Lock _lock = new();
    private readonly HashSet<OutputSpec> _written = [];

    public void Progress(string message)
    {
        lock (_lock) host.Info(message);
    }

    public void Debug(string message)
    {
        lock (_lock) host.Debug(message);
    }

    public void Warning(string message)
    {
        lock (_lock) host.Warning(message);
    }

    public IDisposable Group(string title) => host.Group(title);

    public void Planned(ICommandView plan) => host.Info(plan.Text().TrimEnd('\n'));

    public void GateApplied(string line) => Progress(line);

    public void Show(ICommandView view)
    {
        if (!view.TextIsDiagnostic && view.Text() is { Length: > 0 } text) host.Info(text.TrimEnd('\n'));
        foreach (var (output, value) in view.Outputs) Output(output, value);
        foreach (var note in view.Annotations)
        {
            if (note.IsError) host.Error(note.Message, note.At);
            else if (note.IsNotice) host.Notice(note.Message, note.At);
            else host.Warning(note.Message, note.At);
        }

        var markdown = view.Markdown(host.SummaryLimitBytes);
        if (view.Annotations.Count(a => a.IsError) > host.ErrorAnnotationLimit)
        {
            markdown += $"\n_The first {host.ErrorAnnotationLimit} errors are also annotations; the host shows no more, so the rest are here and in the log._\n";
        }

        host.AppendSummary(markdown);
    }

    public void Finish(CommandExit exit)
    {
        if (exit.Conclusion == Conclusion.Crashed) host.AppendSummary($"## Datadog Deployment Gates: {command} failed\n\n{MarkdownText.Escape(exit.Reason)}\n");
        if (exit.Conclusion is Conclusion.Failed or Conclusion.Crashed)
        {
            OutputOnce(OutputTable.Result, "failed");
            OutputOnce(OutputTable.Changed, "false");
            if (evaluates) OutputOnce(OutputTable.GateStatus, GateStatus.Error.ToOutput());
        }

        switch (exit.Conclusion)
        {
            case Conclusion.Failed or Conclusion.Crashed:
                host.Fail(exit.Reason!);
                break;
            case Conclusion.SucceededWithIssues:
                host.SucceedWithIssues(exit.Reason!);
                break;
            case Conclusion.Succeeded or Conclusion.Cancelled when exit.Reason is not null:
                host.Warning(exit.Reason);
                break;
        }
    }

    private void Output(OutputSpec output, string value)
    {
        host.SetOutput(output, value);
        _written.Add(output);
    }

    /// <summary>An output nothing has set yet, so a failure still leaves every output a workflow reads.</summary>
    private void OutputOnce(OutputSpec output, string value)
    {
        if (!_written.Contains(output)) Output(output, value);
    }
}
