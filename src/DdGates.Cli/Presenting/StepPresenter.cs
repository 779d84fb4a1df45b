using System.Text.Json;
using DdGates.Applying;
using DdGates.Cli.Commands;
using DdGates.Cli.Hosting;
using DdGates.Cli.Outputs;
using DdGates.Cli.Rendering;
using DdGates.Cli.Validation;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Presenting;

/// <summary>
/// A CI step (GitHub Action, Azure task): progress in the log, the plan in a group, then outputs,
/// annotations on the gates file and one summary. Every step sets <c>result</c> (and, when it evaluates,
/// <c>gate-status</c>) and fails at most once, in <see cref="Finish"/>.
/// </summary>
public sealed class StepPresenter(ICiHost host, string command) : IRunPresenter
{
    private readonly Lock _lock = new();
    private readonly ApplyProgress _progress = new();
    private readonly HashSet<OutputSpec> _written = [];

    private bool Evaluates => command is "evaluate" or "apply-and-evaluate";

    /// <summary>plan, or apply (also the apply of apply-and-evaluate).</summary>
    private string ReconcileWord => command == "plan" ? "plan" : "apply";

    public void Progress(string message)
    {
        lock (_lock) host.Info(message);
    }

    public void Debug(string message)
    {
        lock (_lock) host.Debug(message);
    }

    public void Warning(string message)
    {
        lock (_lock) host.Warning(message);
    }

    public IDisposable Group(string title) => host.Group(title);

    /// <summary>An input as the step's author wrote it in the workflow: "input api-key" (GitHub), "input apiKey" (Azure).</summary>
    private string Spell(DdGates.Inputs.InputSpec input) => $"input {host.InputName(input)}";

    public void Invalid(IReadOnlyList<Diagnostic> problems)
    {
        var annotated = Math.Min(problems.Count, host.ErrorAnnotationLimit);
        foreach (var p in problems.Take(annotated))
        {
            // An annotation on the file and line carries only the path and the message.
            host.Error(p.Location is null ? p.Describe(Spell) : p.PathAndMessage, p.Location);
        }

        host.AppendSummary(SummaryMarkdown.Problems(problems, annotated, Spell));
        Output(OutputTable.Result, "invalid");
        Output(OutputTable.Changed, "false");
        if (Evaluates) Output(OutputTable.GateStatus, GateStatus.Invalid.ToOutput());
    }

    public void Validated(DesiredState desired) => host.Info($"Valid: {Words.Plural(desired.Gates.Count, "gate", "gates")}.");

    public void Planned(Plan plan) => host.Info(PlanText.Render(plan));

    public void GateApplied(GateRun run) => _progress.Report(run, this);

    public void Reconciled(ReconcileOutcome outcome)
    {
        Output(OutputTable.Changed, outcome.Changed ? "true" : "false");
        Output(OutputTable.Result, outcome.Result);
        if (outcome is ReadFailed failed)
        {
            host.AppendSummary(SummaryMarkdown.Error(ReconcileWord, failed.Error));
            return;
        }

        var rows = GateRow.Of(outcome);
        if (rows.Count == 1) Output(OutputTable.GateId, rows[0].Id);
        Output(OutputTable.GateIds, JsonText.Write(w => GateIds(w, rows), indented: false));
        Output(OutputTable.PlanHash, Planning.PlanHash.Of(GateRow.PlanShown(outcome)));
        Output(OutputTable.PlanJson, JsonReport.Render(outcome, indented: false));
        foreach (var row in rows) Annotate(row);
        host.AppendSummary(SummaryMarkdown.Render(ReconcileWord, outcome, host.SummaryLimitBytes));
    }

    public void Evaluated(ValidatedEvaluation evaluation, EvaluationOutcome outcome, Verdict verdict)
    {
        host.Info(EvaluationReport.Text(outcome, verdict));
        Output(OutputTable.GateStatus, outcome.Status.ToOutput());
        Output(OutputTable.EvaluationId, outcome.EvaluationId ?? "");
        Output(OutputTable.EvaluationUrl, outcome.EvaluationUrl ?? "");
        Output(OutputTable.RulesJson, EvaluationReport.RulesJson(outcome.Rules));
        host.AppendSummary(EvaluationReport.Markdown(outcome, verdict));
        foreach (var rule in outcome.Rules.Where(r => r.State == EvaluationState.Fail))
        {
            var text = $"{evaluation.Target.Key}: rule \"{rule.Name}\" failed" + (rule.Reason is null ? "" : $": {rule.Reason}");
            if (rule.DryRun || outcome.DryRun) host.Warning(text + " (dry run, not blocking)", evaluation.Location);
            else host.Error(text, evaluation.Location);
        }
    }

    public void Reported(Reporting.ReadinessReport report)
    {
        host.Info(ReadinessRender.Text(report));
        Output(OutputTable.Result, report.AllReady ? "ready" : "not-ready");
        Output(OutputTable.ReportJson, ReadinessRender.Json(report, indented: false));
        host.AppendSummary(ReadinessRender.Markdown(report));
    }

    public void Exported(Exporting.ExportedFile file, string document, string? path)
    {
        if (path is null) host.Info(document);
        foreach (var left in file.LeftOut) host.Warning($"left out {left.Key}: {left.Why}");
        Output(OutputTable.Result, "exported");
        host.AppendSummary(ExportSummary.Render(file, document, path, host.SummaryLimitBytes));
    }

    public void Finish(RunExit exit)
    {
        if (exit.Conclusion == Conclusion.Crashed) host.AppendSummary(SummaryMarkdown.Error(command, exit.Reason!));
        if (exit.Conclusion is Conclusion.Failed or Conclusion.Crashed)
        {
            OutputOnce(OutputTable.Result, "failed");
            OutputOnce(OutputTable.Changed, "false");
            if (Evaluates) OutputOnce(OutputTable.GateStatus, GateStatus.Error.ToOutput());
        }

        switch (exit.Conclusion)
        {
            case Conclusion.Failed or Conclusion.Crashed:
                host.Fail(exit.Reason!);
                break;
            case Conclusion.SucceededWithIssues:
                host.SucceedWithIssues(exit.Reason!);
                break;
            case Conclusion.Succeeded or Conclusion.Cancelled when exit.Reason is not null:
                host.Warning(exit.Reason);
                break;
        }
    }

    private void Annotate(GateRow row)
    {
        var gate = row.Plan;
        if (row.Error is { } error) host.Error($"{gate.Key}: {error}", gate.Desired.Location);
        foreach (var unmanaged in gate.Unmanaged)
        {
            host.Warning($"{gate.Key}: rule \"{unmanaged.Name}\" is on the gate but not in the file; kept (set prune to delete it)", gate.Desired.Location);
        }
    }

    private static void GateIds(Utf8JsonWriter w, IReadOnlyList<GateRow> rows)
    {
        w.WriteStartObject();
        foreach (var row in rows) w.WriteString(row.Plan.Key.ToString(), row.Id);
        w.WriteEndObject();
    }

    private void Output(OutputSpec output, string value)
    {
        host.SetOutput(output, value);
        _written.Add(output);
    }

    /// <summary>An output nothing has set yet, so a failure still leaves every output a workflow reads.</summary>
    private void OutputOnce(OutputSpec output, string value)
    {
        if (!_written.Contains(output)) Output(output, value);
    }
}
