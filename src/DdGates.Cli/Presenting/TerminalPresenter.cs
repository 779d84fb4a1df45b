using DdGates.Applying;
using DdGates.Cli.Commands;
using DdGates.Cli.Inputs;
using DdGates.Cli.Rendering;
using DdGates.Cli.Validation;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Inputs;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Presenting;

/// <summary>
/// A person at a terminal: the plan, the outcome or the verdict on stdout (text, or one JSON document with
/// -o json), progress and problems on stderr. Inputs are named by their command-line options.
/// </summary>
public sealed class TerminalPresenter(TextWriter stdout, TextWriter stderr, OutputFormat format, bool evaluates) : IRunPresenter
{
    private readonly Lock _lock = new();
    private readonly ApplyProgress _progress = new();
    private bool _documentWritten;
    private string? _reasonShown;

    private bool Json => format == OutputFormat.Json;

    /// <summary>An input as typed on the command line: its option, else the environment variables it is read from.</summary>
    public static string Spell(InputSpec input) => input.Cli ?? (input.Fallbacks.Count > 0 ? string.Join(" / ", input.Fallbacks) : input.GitHub);

    public void Progress(string message) => Line($"... {message}");

    public void Debug(string message) => Line($"... {message}");

    public void Warning(string message) => Line($"warning: {message}");

    public IDisposable Group(string title) => new Hosting.LogGroup(() => { });

    public void Invalid(IReadOnlyList<Diagnostic> problems)
    {
        var exit = RunExit.Invalid(problems.Count);
        stderr.WriteLine($"error: {exit.Reason}:");
        foreach (var line in ProblemList.Lines(problems, p => p.Describe(Spell))) stderr.WriteLine($"  {line}");
        if (Json) Document(JsonReport.NoPlan("invalid", exit.Code, exit.Reason!, problems, evaluates, Spell));
        _reasonShown = exit.Reason;
    }

    public void Validated(DesiredState desired)
    {
        var rules = desired.Gates.Sum(g => g.Rules.Count);
        stdout.WriteLine($"Valid: {Words.Plural(desired.Gates.Count, "gate", "gates")} with {Words.Plural(rules, "rule", "rules")} ({string.Join(", ", desired.Gates.Select(g => g.Key))}).");
    }

    public void Planned(Plan plan)
    {
        if (!Json && !evaluates) stdout.Write(PlanText.Render(plan));
    }

    public void GateApplied(GateRun run) => _progress.Report(run, this);

    public void Reconciled(ReconcileOutcome outcome)
    {
        switch (outcome)
        {
            case Planned planned when !evaluates:
                if (Json) Document(JsonReport.Render(planned));
                Progress($"{outcome.RequestsSent} requests sent, no writes (plan)");
                break;
            case Applied applied when !evaluates:
                if (Json) Document(JsonReport.Render(applied));
                else stdout.Write(OutcomeText.Report(applied));
                Progress($"{outcome.RequestsSent} requests sent");
                break;
            case Applied { Succeeded: false } applied when !Json:
                stdout.Write(OutcomeText.Failures(applied));
                break;
        }
    }

    public void Evaluated(ValidatedEvaluation evaluation, EvaluationOutcome outcome, Verdict verdict)
    {
        if (Json) Document(EvaluationReport.Json(outcome, verdict));
        else stdout.Write(EvaluationReport.Text(outcome, verdict));
        _reasonShown = verdict.Sentence;
    }

    public void Reported(Reporting.ReadinessReport report)
    {
        if (Json) Document(ReadinessRender.Json(report));
        else stdout.Write(ReadinessRender.Text(report));
    }

    public void Exported(Exporting.ExportedFile file, string document, string? path)
    {
        if (path is null) Document(document.TrimEnd('\n'));
        else Progress($"Wrote {Words.Plural(file.GateCount, "gate", "gates")} in {Words.Plural(file.Entries.Count, "entry", "entries")} to {path}");
        foreach (var left in file.LeftOut) Warning($"left out {left.Key}: {left.Why}");
    }

    public void Finish(RunExit exit)
    {
        if (exit.Reason is { } reason && reason != _reasonShown)
        {
            stderr.WriteLine(exit.Conclusion is Conclusion.Failed or Conclusion.Crashed ? $"error: {reason}" : exit.Conclusion == Conclusion.Cancelled ? reason : $"warning: {reason}");
        }

        if (Json && !_documentWritten && exit.Code != ExitCodes.Ok)
        {
            Document(JsonReport.NoPlan(exit.Code == ExitCodes.InvalidInput ? "invalid" : "failed", exit.Code, exit.Reason ?? "failed", [], evaluates, Spell));
        }
    }

    private void Document(string json)
    {
        stdout.WriteLine(json);
        _documentWritten = true;
    }

    private void Line(string text)
    {
        lock (_lock) stderr.WriteLine(text);
    }
}
