using DdGates.Api;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Config;
using DdGates.Exporting;
using DdGates.Model;

namespace DdGates.Cli.Commands.Export;

/// <summary>
/// export: read the selected gates with their rules and write them as a gates file (YAML, or JSON with -o json),
/// to a file or to the output; with fold, services with the same rules share an entry. A gate left out makes the run fail (exit 1) after everything else is written.
/// </summary>
public sealed class ExportCommand(IRunPresenter presenter, CommandContext context)
{
    public async Task<CommandExit> RunAsync(ExportSettings asked, CancellationToken ct)
    {
        var (settings, path) = (asked.Run, asked.File);
        var (export, problems) = ExportValidator.Validate(settings);
        if (export is null)
        {
            presenter.Show(new ProblemsView(problems, settings.Names));
            return CommandExit.Invalid(problems.Count);
        }

        if (DatadogSite.PlaintextWarning(export.ApiUrl) is { } plaintext) presenter.Warning(plaintext);
        using var client = new DatadogClient(export.ApiUrl, export.Keys, context.Policy, presenter.Debug);
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
            return new CommandExit(ExitCodes.Failed, Conclusion.Failed, e.Message);
        }
        finally
        {
            if (client.SlowdownWarning() is { } slow) presenter.Warning(slow);
        }

        var file = ExportFolding.Fold(gates, acrossServices: asked.Fold);
        var schema = SchemaLocation.Url(context.Env);
        var document = settings.Output == OutputFormat.Json ? GatesFileWriter.Json(file, schema) : GatesFileWriter.Yaml(file, schema);
        if (path is not null && context.Write(path, document) is { } error)
        {
            return new CommandExit(ExitCodes.Failed, Conclusion.Failed, $"cannot write {path}: {error}");
        }

        presenter.Show(new ExportView(file, document, path, settings.Output == OutputFormat.Json));
        if (path is not null) presenter.Progress($"Wrote {Words.Plural(file.GateCount, "gate", "gates")} in {Words.Plural(file.Entries.Count, "entry", "entries")} to {path}");
        return file.LeftOut.Count == 0 ? CommandExit.Ok : new CommandExit(ExitCodes.Failed, Conclusion.Failed,
            $"{Words.Plural(file.LeftOut.Count, "gate was", "gates were")} left out of the export: {string.Join("; ", file.LeftOut.Select(l => $"{l.Key}: {l.Why}"))}");
    }
}
