using DdGates.Cli.Presenting;

namespace DdGates.Cli.Exit;

/// <summary>
/// The boundary around every command: whatever happens inside, the presenter finishes once with an exit
/// code and a one-line reason (outputs, summary, failed step), never a stack trace.
/// </summary>
public static class CommandBoundary
{
    public const string CancelledReason = "Cancelled: what was applied so far is kept; run again to finish.";

    public static async Task<int> RunAsync(IRunPresenter presenter, TextWriter stderr, Func<Task<CommandExit>> command, CancellationToken ct)
    {
        CommandExit exit;
        try
        {
            exit = await command();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            exit = CommandExit.Cancelled(CancelledReason);
        }
        catch (Exception e)
        {
            exit = CommandExit.Crashed(e);
        }

        try
        {
            presenter.Finish(exit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The host's files could not take the end of the report; the reason and the code still get out.
            await stderr.WriteLineAsync($"error: {exit.Reason ?? "failed"} (and the step's report could not be written: {e.Message})");
            return exit.Code == ExitCodes.Ok ? ExitCodes.Failed : exit.Code;
        }

        return exit.Code;
    }
}
