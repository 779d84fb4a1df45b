using DdGates.Cli.Commands;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Platforms;

namespace DdGates.Cli.Step;

/// <summary>
/// <c>dd-gates run</c>: the program as a CI step (GitHub Action, Azure task). Inputs come from the host, every secret
/// of the run is masked before anything is printed, and the command's row runs with a step presenter.
/// </summary>
public sealed class StepCommand(ICiHost host, Func<string, string?> env, CommandContext context, TextWriter stderr)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        // The host hides every secret of the run from its log, as the boundary does from everything the program writes.
        foreach (var secret in context.Secrets.Values) host.MaskSecret(secret);
        var inputs = StepInputs.Read(host, env);
        var rows = CommandTable.Rows(new CliOptions());
        // An unknown command is one of the input problems; its row is apply's, the default, so every other problem is found too.
        var row = rows.FirstOrDefault(r => r.InStep && r.Name == inputs.Command) ?? rows.First(r => r.Name == InputTable.Command.Default);
        var presenter = new StepPresenter(host, row.Name, row.Evaluates);
        try
        {
            return await CommandBoundary.RunAsync(presenter, stderr, () => row.RunStepAsync(presenter, context, inputs, host, ct), ct);
        }
        finally
        {
            host.FlushSummary(row.Evaluates ? "Datadog gate evaluation" : "Datadog Deployment Gates");
        }
    }
}
