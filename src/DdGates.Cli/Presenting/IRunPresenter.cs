using DdGates.Cli.Exit;
using DdGates.Reconciling;

namespace DdGates.Cli.Presenting;

/// <summary>
/// What a command shows, and nothing it decides: a command streams progress while it works, then hands its one
/// view to <see cref="Show"/> and its exit to <see cref="Finish"/>. Each presenter (a terminal in text or JSON, or a
/// CI step) spells them its own way. Progress may arrive from many threads.
/// </summary>
public interface IRunPresenter : IRunReporter
{
    /// <summary>A collapsible section of the log, closed when disposed (also on an exception).</summary>
    IDisposable Group(string title);

    /// <summary>apply: the plan, shown before anything is written.</summary>
    void Planned(ICommandView plan);

    /// <summary>One gate, as apply finishes it: "[3/7] checkout/staging/default: updated (rules: 1 updated)".</summary>
    void GateApplied(string line);

    /// <summary>What the command found: shown once, on every surface.</summary>
    void Show(ICommandView view);

    /// <summary>Called once, last: the exit code and its reason.</summary>
    void Finish(CommandExit exit);
}
