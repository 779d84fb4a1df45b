using DdGates.Cli.Text;

namespace DdGates.Cli.Exit;

/// <summary>
/// The exit code of a command and the one sentence that says why. The exits every command shares are here; each
/// command decides its own in its folder (<c>ReconcileExit</c>, <c>ReportCommand</c>, <c>Verdict</c>).
/// </summary>
public sealed record CommandExit(int Code, Conclusion Conclusion, string? Reason = null)
{
    public static readonly CommandExit Ok = new(ExitCodes.Ok, Conclusion.Succeeded);

    public static CommandExit Invalid(int problems) => new(ExitCodes.InvalidInput, Conclusion.Failed,
        $"{Words.Plural(problems, "problem", "problems")} in the input; nothing was sent to Datadog");

    public static CommandExit Cancelled(string reason) => new(ExitCodes.Cancelled, Conclusion.Cancelled, reason);

    public static CommandExit Crashed(Exception e) => new(ExitCodes.Failed, Conclusion.Crashed,
        $"dd-gates stopped on an unexpected error ({e.GetType().Name}: {e.Message}); this is a bug, please report it. What was applied so far is kept; a rerun converges.");
}
