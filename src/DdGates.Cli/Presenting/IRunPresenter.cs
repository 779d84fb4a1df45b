using DdGates.Applying;
using DdGates.Cli.Commands;
using DdGates.Cli.Validation;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Presenting;

/// <summary>
/// What a command shows, and nothing it decides: the use cases call these in order, and each presenter
/// (a terminal in text or JSON, or a CI step) spells them its own way. Progress may arrive from many threads.
/// </summary>
public interface IRunPresenter : IRunReporter
{
    /// <summary>A collapsible section of the log, closed when disposed (also on an exception).</summary>
    IDisposable Group(string title);

    /// <summary>Every problem in the input, before anything was sent.</summary>
    void Invalid(IReadOnlyList<Diagnostic> problems);

    /// <summary>validate: the input checked out (nothing is sent).</summary>
    void Validated(DesiredState desired);

    /// <summary>The plan, as soon as it is known (before apply writes anything).</summary>
    void Planned(Plan plan);

    /// <summary>One gate, as apply finishes it.</summary>
    void GateApplied(GateRun run);

    void Reconciled(ReconcileOutcome outcome);

    void Evaluated(ValidatedEvaluation evaluation, EvaluationOutcome outcome, Verdict verdict);

    /// <summary>report: every selected gate judged.</summary>
    void Reported(Reporting.ReadinessReport report);

    /// <summary>export: the gates file, written to <paramref name="path"/> already when one was given.</summary>
    void Exported(Exporting.ExportedFile file, string document, string? path);

    /// <summary>Called once, last: the exit code and its reason.</summary>
    void Finish(RunExit exit);
}
