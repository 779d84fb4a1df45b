using DdGates.Applying;
using DdGates.Cli.Rendering;

namespace DdGates.Cli.Commands;

/// <summary>"[12/500] checkout/staging/default: updated (rules: 1 updated)" as each changed gate finishes.</summary>
public sealed class ApplyProgress(IRunReporter reporter)
{
    private readonly Lock _lock = new();
    private int _done;

    public void Report(GateOutcome outcome)
    {
        if (outcome.Result == GateResult.Unchanged) return;
        lock (_lock) reporter.Progress($"[{++_done}] {OutcomeText.Line(outcome)}");
    }
}
