using DdGates.Api;
using DdGates.Cli.Rendering;
using DdGates.Evaluation;

namespace DdGates.Cli.Commands;

/// <summary><c>dd-gates evaluate</c>: ask the gate, wait for the verdict, exit with a code that says whether to deploy.</summary>
public sealed class EvaluateCommand(TextWriter stdout, TextWriter stderr, Func<string, string?> readFile, RetryPolicy? retryPolicy, PollSchedule? schedule)
{
    public async Task<int> RunAsync(EvaluateSettings settings, DateTimeOffset startedAt, CancellationToken ct)
    {
        var (evaluation, problems) = EvaluateValidator.Validate(settings, readFile);
        if (evaluation is null)
        {
            ReconcileCommand.Invalid(stdout, stderr, problems, settings.Run.Output, evaluate: true);
            return ExitCodes.InvalidInput;
        }

        var reporter = new ConsoleReporter(stderr);
        var flow = new EvaluationFlow(evaluation, reporter, retryPolicy ?? new RetryPolicy(), schedule ?? new PollSchedule());
        try
        {
            var (applied, outcome) = await flow.RunAsync(startedAt + evaluation.Timeout, new ApplyProgress(reporter).Report, ct);
            if (outcome is null)
            {
                var message = $"the apply before the evaluation failed; not evaluating. {applied?.Error}".TrimEnd();
                stderr.WriteLine($"error: {message}");
                if (settings.Run.Output == OutputFormat.Json) stdout.WriteLine(JsonReport.NoPlan("failed", ExitCodes.Failed, message, [], evaluate: true));
                else if (applied?.Applied is { } result) stdout.Write(OutcomeText.Failures(result));
                return ExitCodes.Failed;
            }

            var verdict = Verdict.Decide(outcome, evaluation.FailOnError, evaluation.Target.Key.ToString());
            stdout.Write(settings.Run.Output == OutputFormat.Json ? EvaluationReport.Json(outcome, verdict) + Environment.NewLine : EvaluationReport.Text(outcome, verdict));
            return verdict.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stderr.WriteLine(await flow.CancelledMessageAsync());
            return ExitCodes.Cancelled;
        }
    }
}
