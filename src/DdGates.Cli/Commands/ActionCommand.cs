using DdGates.Api;
using DdGates.Cli.Hosting;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Evaluation;

namespace DdGates.Cli.Commands;

/// <summary>
/// <c>dd-gates run</c>: the program as a CI step (GitHub Action, Azure task). Inputs come from the host,
/// keys are masked before anything is printed, and the command's use case reports through a step presenter.
/// </summary>
public sealed class ActionCommand(ICiHost host, Func<string, string?> env, Func<string, string?> readFile, CliRuntime runtime, TextWriter stderr)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var inputs = ActionInputs.Read(host, env);
        var presenter = new StepPresenter(host, inputs.Command);
        try
        {
            return await SafeRun.RunAsync(presenter, stderr, () => RunAsync(inputs, presenter, ct), ct);
        }
        finally
        {
            host.FlushSummary(inputs.Evaluates ? "Datadog gate evaluation" : "Datadog Deployment Gates");
        }
    }

    private async Task<RunExit> RunAsync(ActionInputs inputs, IRunPresenter presenter, CancellationToken ct)
    {
        // The host hides every secret of the run from its log, as the boundary does from everything the program writes.
        foreach (var secret in runtime.Secrets.Values) host.MaskSecret(secret);

        var policy = runtime.Retry ?? new RetryPolicy();
        var reconcile = new ReconcileUseCase(presenter, readFile, policy);
        if (inputs.Problems.Count > 0)
        {
            // Every problem at once: the input's own, plus what validating the rest finds.
            var more = inputs.Command switch
            {
                "evaluate" or "apply-and-evaluate" => Validation.EvaluateValidator.Validate(inputs.Evaluate, readFile).Problems,
                "report" => Validation.ReportValidator.Validate(inputs.Report, readFile).Problems,
                "export" => Validation.ExportValidator.Validate(inputs.Settings).Problems,
                _ => Validation.RunValidator.Validate(inputs.Settings, readFile, needsKeys: true).Problems,
            };
            return reconcile.Invalid([.. inputs.Problems, .. more]);
        }

        switch (inputs.Command)
        {
            case "report":
                return await new ReportUseCase(presenter, readFile, policy, runtime.Time).RunAsync(inputs.Report, ct);
            case "export":
                return await new ExportUseCase(presenter, policy, (path, text) => LocalFiles.Write(path, runtime.Secrets.Redact(text))).RunAsync(inputs.Settings, inputs.ExportFile, ct);
            case "evaluate" or "apply-and-evaluate":
                var evaluate = new EvaluateUseCase(presenter, readFile, policy, runtime.Schedule ?? new PollSchedule());
                return await evaluate.RunAsync(inputs.Evaluate, runtime.StartedAt, ct);
            case "plan" when inputs.PrComment:
                var plan = await reconcile.RunAndKeepAsync(inputs.Settings, apply: false, ct);
                var pullRequest = PullRequests.PullRequestContext.Read(host, env, inputs.GitHubToken, readFile);
                await new PlanCommentUseCase(presenter, policy, runtime.Secrets).PostAsync(pullRequest, inputs.Settings, plan, ct);
                return plan.Exit;
            default:
                return await reconcile.RunAsync(inputs.Settings, apply: !inputs.IsPlan, ct);
        }
    }
}
