using DdGates.Api;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Validation;
using DdGates.Reporting;

namespace DdGates.Cli.Commands;

/// <summary>report: check the inputs, read the selected gates' evaluation history over the window, and judge each gate.</summary>
public sealed class ReportUseCase(IRunPresenter presenter, Func<string, string?> readFile, RetryPolicy policy, TimeProvider time)
{
    public async Task<RunExit> RunAsync(ReportSettings settings, CancellationToken ct)
    {
        var (report, problems) = ReportValidator.Validate(settings, readFile);
        if (report is null)
        {
            presenter.Invalid(problems);
            return RunExit.Invalid(problems.Count);
        }

        var to = time.GetUtcNow();
        if (DatadogSite.PlaintextWarning(report.ApiUrl) is { } plaintext) presenter.Warning(plaintext);
        using var client = new DatadogClient(report.ApiUrl, report.Keys, policy, presenter.Debug);
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
            return new RunExit(ExitCodes.Failed, Conclusion.Failed, e.Message);
        }
        finally
        {
            if (client.SlowdownWarning() is { } slow) presenter.Warning(slow);
        }

        presenter.Reported(readiness);
        return RunExit.For(readiness, report.FailUnlessReady);
    }
}
