using DdGates.Api;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Rendering;
using DdGates.Cli.Validation;
using DdGates.Exporting;
using DdGates.Model;

namespace DdGates.Cli.Commands;

/// <summary>
/// export: read the selected gates with their rules and write them as a gates file (YAML, or JSON with -o json),
/// to a file or to the output. A gate left out makes the run fail (exit 1) after everything else is written.
/// </summary>
public sealed class ExportUseCase(IRunPresenter presenter, RetryPolicy policy, Func<string, string, string?> writeFile)
{
    public async Task<RunExit> RunAsync(RunSettings settings, string? path, CancellationToken ct)
    {
        var (export, problems) = ExportValidator.Validate(settings);
        if (export is null)
        {
            presenter.Invalid(problems);
            return RunExit.Invalid(problems.Count);
        }

        if (DatadogSite.PlaintextWarning(export.ApiUrl) is { } plaintext) presenter.Warning(plaintext);
        using var client = new DatadogClient(export.ApiUrl, export.Keys, policy, presenter.Debug);
        List<ActualGate> gates;
        try
        {
            using (presenter.Group("export"))
            {
                gates = await ExportReader.ReadAsync(client, export.Selection.Matches, export.Concurrency, presenter, ct);
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

        var file = ExportFolder.Fold(gates);
        var document = settings.Output == OutputFormat.Json ? GatesFileText.Json(file) : GatesFileText.Yaml(file);
        if (path is not null && writeFile(path, document) is { } error)
        {
            return new RunExit(ExitCodes.Failed, Conclusion.Failed, $"cannot write {path}: {error}");
        }

        presenter.Exported(file, document, path);
        return file.LeftOut.Count == 0 ? RunExit.Ok : new RunExit(ExitCodes.Failed, Conclusion.Failed,
            $"{Words.Plural(file.LeftOut.Count, "gate was", "gates were")} left out of the export: {string.Join("; ", file.LeftOut.Select(l => $"{l.Key}: {l.Why}"))}");
    }
}
