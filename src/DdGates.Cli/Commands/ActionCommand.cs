using DdGates.Api;
using DdGates.Cli.Hosting;
using DdGates.Cli.Inputs;
using DdGates.Cli.Rendering;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Model;

namespace DdGates.Cli.Commands;

/// <summary>
/// <c>dd-gates run</c>: the program as a CI step (GitHub Action, Azure task). Inputs come from the
/// host, keys are masked before anything is printed, every input problem becomes an annotation,
/// and the command's step writes outputs and a summary.
/// </summary>
public sealed class ActionCommand(ICiHost host, Func<string, string?> env, Func<string, string?> readFile, CliRuntime runtime)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var inputs = ActionInputs.Read(host, env);
        try
        {
            return await RunAsync(inputs, ct);
        }
        finally
        {
            host.FlushSummary(inputs.Evaluates ? "Datadog gate evaluation" : "Datadog Deployment Gates");
        }
    }

    private async Task<int> RunAsync(ActionInputs inputs, CancellationToken ct)
    {
        MaskKeys(inputs.Settings);
        var policy = runtime.Retry ?? new RetryPolicy();
        if (inputs.Evaluates)
        {
            var (evaluation, problems) = EvaluateValidator.Validate(inputs.Evaluate, readFile);
            if (evaluation is null || inputs.Problems.Count > 0) return Invalid([.. inputs.Problems, .. problems]);
            var step = new EvaluateStep(host, new ReconcileStep(host, inputs), runtime.Schedule ?? new PollSchedule(), policy);
            return await step.RunAsync(evaluation, runtime.StartedAt, ct);
        }

        var (run, validation) = RunValidator.Validate(inputs.Settings, readFile, needsKeys: true);
        if (run is null || inputs.Problems.Count > 0) return Invalid([.. inputs.Problems, .. validation]);
        return await new ReconcileStep(host, inputs).RunAsync(run, policy, ct);
    }

    private void MaskKeys(RunSettings settings)
    {
        foreach (var key in new[] { settings.ApiKey, settings.AppKey, settings.AccessToken })
        {
            if (!string.IsNullOrWhiteSpace(key)) host.MaskSecret(key.Trim());
        }
    }

    private int Invalid(IReadOnlyList<Diagnostic> problems)
    {
        // Annotations sit on the file and line already, so they carry only the path and the message.
        var annotated = problems.TakeWhile(p => host.Error(AnnotationText(p), Location(p))).Count();
        host.AppendSummary(SummaryMarkdown.Problems(problems, annotated));
        host.SetOutput(InputTable.Result, "invalid");
        host.SetOutput(InputTable.Changed, "false");
        host.SetOutput(InputTable.GateStatus, GateStatus.Invalid.ToOutput());
        host.Fail($"{Words.Plural(problems.Count, "problem", "problems")} in the input; nothing was sent to Datadog (see the summary).");
        return ExitCodes.InvalidInput;
    }

    private static string AnnotationText(Diagnostic p) =>
        p.Line <= 0 ? p.ToString() : p.Path.Length > 0 ? $"{p.Path}: {p.Message}" : p.Message;

    private static SourceLocation? Location(Diagnostic p) => p.Line > 0 ? new SourceLocation(p.File, p.Line, p.Column) : null;
}
