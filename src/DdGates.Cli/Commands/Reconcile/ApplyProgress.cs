using DdGates.Applying;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Planning;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>"[3/12] checkout/staging/default: updated (rules: 1 updated)" as each changed gate finishes, counted in finishing order.</summary>
public sealed class ApplyProgress(Plan plan, IRunPresenter presenter)
{
    private readonly int _total = plan.Gates.Count(g => g.HasWrites || g.Error is not null);
    private int _done;

    public void Report(GateRun run)
    {
        if (run.Outcome.Result == GateResult.Unchanged) return;
        presenter.GateApplied($"[{Interlocked.Increment(ref _done)}/{_total}] {Words.Mark(run.Outcome.Result)} {OutcomeText.Line(run.Outcome)}");
    }
}
