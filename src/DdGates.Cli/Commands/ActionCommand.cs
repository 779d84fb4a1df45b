using DdGates.Api;
using DdGates.Applying;
using DdGates.Cli.Hosting;
using DdGates.Cli.Inputs;
using DdGates.Cli.Rendering;
using DdGates.Config;
using DdGates.Model;
using DdGates.Planning;

namespace DdGates.Cli.Commands;

/// <summary>
/// <c>dd-gates run</c>: the program as a CI step (GitHub Action, Azure task). Inputs come from the
/// host, keys are masked before anything is printed, and the run ends with outputs, a summary, and
/// annotations pointing into the gates file.
/// </summary>
public sealed class ActionCommand(ICiHost host, Func<string, string?> env, Func<string, string?> readFile, RetryPolicy? retryPolicy = null)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var inputs = ActionInputs.Read(host, env);
        MaskKeys(inputs.Settings);
        var (run, validation) = RunValidator.Validate(inputs.Settings, readFile, needsKeys: true);
        var problems = inputs.Problems.Concat(validation).ToList();
        if (run is null || problems.Count > 0) return Invalid(problems);

        var reporter = new HostReporter(host);
        host.StartGroup($"{inputs.Command}: {Words.Plural(run.Desired.Gates.Count, "gate", "gates")}");
        var outcome = await Reconciliation.RunAsync(run, apply: !inputs.IsPlan, reporter, new ApplyProgress(reporter).Report, retryPolicy ?? new RetryPolicy(), ct);
        if (outcome.Plan is { } shown) host.Info(PlanText.Render(shown));
        host.EndGroup();

        if (outcome is not { Plan: { } plan })
        {
            host.AppendSummary(SummaryMarkdown.Error(inputs.Command, outcome.Error!));
            host.SetOutput(InputTable.Result, "failed");
            host.SetOutput(InputTable.Changed, "false");
            host.Fail(outcome.Error!);
            return ExitCodes.Failed;
        }

        WriteOutputs(plan, outcome);
        AnnotateFailures(plan, outcome.Applied);
        host.AppendSummary(SummaryMarkdown.Render(inputs.Command, plan, outcome.Applied, GitHubHost.SummaryLimitBytes));
        return Finish(inputs, plan, outcome.Applied);
    }

    private void MaskKeys(RunSettings settings)
    {
        foreach (var key in new[] { settings.ApiKey, settings.AppKey })
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
        host.Fail($"{Words.Plural(problems.Count, "problem", "problems")} in the input; nothing was sent to Datadog (see the summary).");
        return ExitCodes.InvalidInput;
    }

    private void WriteOutputs(Plan plan, ReconcileOutcome outcome)
    {
        var ids = plan.Gates.Select((g, i) => (Key: g.Key.ToString(), Id: outcome.Applied?.Gates[i].GateId ?? g.Actual?.Id ?? "")).ToList();
        if (ids.Count == 1) host.SetOutput(InputTable.GateId, ids[0].Id);
        host.SetOutput(InputTable.GateIds, GateIdsJson(ids));
        host.SetOutput(InputTable.Changed, outcome.Changed ? "true" : "false");
        host.SetOutput(InputTable.Result, Result(plan, outcome.Applied));
        host.SetOutput(InputTable.PlanJson, JsonReport.Render(plan, outcome.Applied, indented: false));
    }

    private void AnnotateFailures(Plan plan, ApplyResult? applied)
    {
        for (var i = 0; i < plan.Gates.Count; i++)
        {
            var error = applied?.Gates[i].Error ?? plan.Gates[i].Error;
            if (error is not null) host.Error($"{plan.Gates[i].Key}: {error}", plan.Gates[i].Desired.Location);
            foreach (var unmanaged in plan.Gates[i].Unmanaged)
            {
                host.Warning($"{plan.Gates[i].Key}: rule \"{unmanaged.Name}\" is on the gate but not in the file; kept (set prune to delete it)", plan.Gates[i].Desired.Location);
            }
        }
    }

    private int Finish(ActionInputs inputs, Plan plan, ApplyResult? applied)
    {
        if (applied is not null)
        {
            if (!applied.Succeeded) host.Fail($"{applied.Count(GateResult.Failed)} of {applied.Gates.Count} gates failed; rerun the step to finish.");
            return applied.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }

        var code = ReconcileCommand.PlanExitCode(plan, inputs.Settings);
        if (code == ExitCodes.Failed) host.Fail(plan.HasErrors ? "the plan has gates in error" : $"drift: {Words.Totals(plan)} (fail-on-drift is on)");
        return code;
    }

    private static string Result(Plan plan, ApplyResult? applied)
    {
        if (applied is null) return plan.HasErrors ? "failed" : plan.HasChanges ? "pending" : "unchanged";
        if (!applied.Succeeded) return "failed";
        var changed = applied.Gates.Where(g => g.Result != GateResult.Unchanged).ToList();
        return changed.Count == 0 ? "unchanged" : changed.All(g => g.Result == GateResult.Created) ? "created" : "updated";
    }

    private static string GateIdsJson(IEnumerable<(string Key, string Id)> ids)
    {
        using var stream = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            foreach (var (key, id) in ids) w.WriteString(key, id);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string AnnotationText(Diagnostic p) =>
        p.Line <= 0 ? p.ToString() : p.Path.Length > 0 ? $"{p.Path}: {p.Message}" : p.Message;

    private static SourceLocation? Location(Diagnostic p) => p.Line > 0 ? new SourceLocation(p.File, p.Line, p.Column) : null;
}
