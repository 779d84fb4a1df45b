using DdGates.Api;
using DdGates.Cli.Hosting;
using DdGates.Cli.Inputs;
using DdGates.Cli.Rendering;
using DdGates.Evaluation;

namespace DdGates.Cli.Commands;

/// <summary>
/// evaluate (and apply-and-evaluate) as a CI step: one summary with the apply section (if any) and
/// the verdict, outputs for both, a failed rule as an error annotation, and the verdict's exit code.
/// </summary>
public sealed class EvaluateStep(ICiHost host, ReconcileStep apply, PollSchedule schedule, RetryPolicy policy)
{
    public async Task<int> RunAsync(ValidatedEvaluation evaluation, DateTimeOffset startedAt, CancellationToken ct)
    {
        var reporter = new HostReporter(host);
        var flow = new EvaluationFlow(evaluation, reporter, policy, schedule);
        var gate = evaluation.Target.Key.ToString();
        try
        {
            host.StartGroup(evaluation.ApplyFirst ? $"apply, then evaluate {gate}" : $"evaluate {gate}");
            var (applied, outcome) = await flow.RunAsync(startedAt + evaluation.Timeout, new ApplyProgress(reporter).Report, ct);
            host.EndGroup();
            if (applied is not null) apply.Report("apply", applied);
            if (outcome is null)
            {
                host.SetOutput(InputTable.GateStatus, "error");
                host.Fail("the apply before the evaluation failed, so the gate was not evaluated");
                return ExitCodes.Failed;
            }

            return Report(outcome, Verdict.Decide(outcome, evaluation.FailOnError, gate), evaluation);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            host.Warning(await flow.CancelledMessageAsync());
            return ExitCodes.Cancelled;
        }
    }

    private int Report(EvaluationOutcome outcome, Verdict verdict, ValidatedEvaluation evaluation)
    {
        host.Info(EvaluationReport.Text(outcome, verdict));
        host.SetOutput(InputTable.GateStatus, outcome.Status.ToOutput());
        host.SetOutput(InputTable.EvaluationId, outcome.EvaluationId ?? "");
        host.SetOutput(InputTable.EvaluationUrl, outcome.EvaluationUrl ?? "");
        host.SetOutput(InputTable.RulesJson, EvaluationReport.RulesJson(outcome.Rules));
        host.AppendSummary(EvaluationReport.Markdown(outcome, verdict));
        foreach (var rule in outcome.Rules.Where(r => r.Status == "fail"))
        {
            var text = $"{evaluation.Target.Key}: rule \"{rule.Name}\" failed" + (string.IsNullOrEmpty(rule.Reason) ? "" : $": {rule.Reason}");
            if (rule.DryRun == true || outcome.DryRun) host.Warning(text + " (dry run, not blocking)", evaluation.Location);
            else host.Error(text, evaluation.Location);
        }

        if (verdict.Blocks) host.Fail(verdict.Sentence);
        else if (outcome.Status is GateStatus.Error or GateStatus.Timeout) host.SucceedWithIssues(verdict.Sentence);
        else if (outcome.Status is not GateStatus.Pass) host.Warning(verdict.Sentence);
        return verdict.ExitCode;
    }
}
