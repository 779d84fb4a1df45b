using DdGates.Applying;
using DdGates.Cli.Rendering;

namespace DdGates.Cli.Presenting;

/// <summary>"[12] checkout/staging/default: updated (rules: 1 updated)" as each changed gate finishes, numbered in finishing order.</summary>
public sealed class ApplyProgress
{
    private int _done;

    public void Report(GateRun run, IRunReporter reporter)
    {
        if (run.Outcome.Result == GateResult.Unchanged) return;
        reporter.Progress($"[{Interlocked.Increment(ref _done)}] {OutcomeText.Line(run.Outcome)}");
    }
}
