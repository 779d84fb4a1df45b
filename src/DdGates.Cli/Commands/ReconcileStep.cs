using DdGates.Api;
using DdGates.Applying;
using DdGates.Cli.Hosting;
using DdGates.Cli.Inputs;
using DdGates.Cli.Rendering;
using DdGates.Planning;

namespace DdGates.Cli.Commands;

/// <summary>plan and apply as a CI step: the plan in a log group, then outputs, annotations and the summary.</summary>
public sealed class ReconcileStep(ICiHost host, ActionInputs inputs)
{
    public async Task<int> RunAsync(ValidatedRun run, RetryPolicy policy, CancellationToken ct)
    {
        var outcome = await RunWithoutExitAsync(run, !inputs.IsPlan, policy, ct);
        if (outcome is not { Plan: { } plan }) return ExitCodes.Failed;
        return Finish(plan, outcome.Applied);
    }

    /// <summary>Reconciles and reports; the caller decides the exit code (apply-and-evaluate goes on).</summary>
    public async Task<ReconcileOutcome> RunWithoutExitAsync(ValidatedRun run, bool apply, RetryPolicy policy, CancellationToken ct)
    {
        var reporter = new HostReporter(host);
        var command = apply ? "apply" : "plan";
        host.StartGroup($"{command}: {Words.Plural(run.Desired.Gates.Count, "gate", "gates")}");
        var outcome = await Reconciliation.RunAsync(run, apply, reporter, new ApplyProgress(reporter).Report, policy, ct,
            onPlanned: plan => host.Info(PlanText.Render(plan)));
        host.EndGroup();
        Report(command, outcome);
        return outcome;
    }

    public void Report(string command, ReconcileOutcome outcome)
    {
        if (outcome is not { Plan: { } plan })
        {
            host.AppendSummary(SummaryMarkdown.Error(command, outcome.Error!));
            host.SetOutput(InputTable.Result, "failed");
            host.SetOutput(InputTable.Changed, "false");
            host.Fail(outcome.Error!);
            return;
        }

        var ids = plan.Gates.Select((g, i) => (Key: g.Key.ToString(), Id: outcome.Applied?.Gates[i].GateId ?? g.Actual?.Id ?? "")).ToList();
        if (ids.Count == 1) host.SetOutput(InputTable.GateId, ids[0].Id);
        host.SetOutput(InputTable.GateIds, GateIdsJson(ids));
        host.SetOutput(InputTable.Changed, outcome.Changed ? "true" : "false");
        host.SetOutput(InputTable.Result, Result(plan, outcome.Applied));
        host.SetOutput(InputTable.PlanJson, JsonReport.Render(plan, outcome.Applied, indented: false));
        Annotate(plan, outcome.Applied);
        host.AppendSummary(SummaryMarkdown.Render(command, plan, outcome.Applied, GitHubHost.SummaryLimitBytes));
        if (outcome.Applied is { Succeeded: false } failed)
        {
            host.Fail($"{failed.Count(GateResult.Failed)} of {failed.Gates.Count} gates failed; rerun the step to finish.");
        }
    }

    private int Finish(Plan plan, ApplyResult? applied)
    {
        if (applied is not null) return applied.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        var code = ReconcileCommand.PlanExitCode(plan, inputs.Settings);
        if (code == ExitCodes.Failed) host.Fail(plan.HasErrors ? "the plan has gates in error" : $"drift: {Words.Totals(plan)} (fail-on-drift is on)");
        return code;
    }

    private void Annotate(Plan plan, ApplyResult? applied)
    {
        for (var i = 0; i < plan.Gates.Count; i++)
        {
            var gate = plan.Gates[i];
            if ((applied?.Gates[i].Error ?? gate.Error) is { } error) host.Error($"{gate.Key}: {error}", gate.Desired.Location);
            foreach (var unmanaged in gate.Unmanaged)
            {
                host.Warning($"{gate.Key}: rule \"{unmanaged.Name}\" is on the gate but not in the file; kept (set prune to delete it)", gate.Desired.Location);
            }
        }
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
}
