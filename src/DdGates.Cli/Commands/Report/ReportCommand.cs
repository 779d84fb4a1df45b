using DdGates.Api;
using DdGates.Cli.Commands.Evaluate;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Config;
using DdGates.Inputs;
using DdGates.Reporting;

namespace DdGates.Cli.Commands.Report;

/// <summary>report: check the inputs, read the selected gates' evaluation history over the window, and judge each gate.</summary>
public sealed class ReportCommand(IRunPresenter presenter, CommandContext context)
{
    public async Task<CommandExit> RunAsync(ReportSettings settings, CancellationToken ct)
    {
        var (report, problems) = ReportValidator.Validate(settings, context.ReadFile);
        if (report is null)
        {
            presenter.Show(new ProblemsView(problems, settings.Run.Names));
            return CommandExit.Invalid(problems.Count);
        }

        var to = context.Time.GetUtcNow();
        if (DatadogSite.PlaintextWarning(report.ApiUrl) is { } plaintext) presenter.Warning(plaintext);
        using var client = new DatadogClient(report.ApiUrl, report.Keys, context.Policy, presenter.Debug);
        ReadinessReport readiness;
        try
        {
            using (presenter.Group($"report: the last {report.Days} days"))
            {
                readiness = await ReportReader.ReadAsync(client, report.Selection, to.AddDays(-report.Days), to, report.MinEvaluations, report.Concurrency, presenter, ct);
            }
        }
        catch (DatadogApiException e)
        {
            return new CommandExit(ExitCodes.Failed, Conclusion.Failed, e.Message);
        }
        finally
        {
            if (client.SlowdownWarning() is { } slow) presenter.Warning(slow);
        }

        presenter.Show(new ReportView(readiness));
        return Exit(readiness, report.FailUnlessReady, settings.Run.Names);
    }

    private static CommandExit Exit(ReadinessReport report, bool failUnlessReady, InputNames names)
    {
        if (report.Gates.Count == 0) return new(failUnlessReady ? ExitCodes.Failed : ExitCodes.Ok, failUnlessReady ? Conclusion.Failed : Conclusion.Succeeded, "no gate matches the selection");
        if (report.AllReady || !failUnlessReady) return CommandExit.Ok;
        var notReady = report.Gates.Where(g => g.Verdict is not (Readiness.Ready or Readiness.Enforced)).Select(g => g.Key.ToString()).ToList();
        return new(ExitCodes.Failed, Conclusion.Failed, $"not ready ({names.On(Input.FailUnlessReady)} fails the step): {string.Join(", ", notReady)}");
    }
}
