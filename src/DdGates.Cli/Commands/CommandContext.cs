using DdGates.Evaluation;
using DdGates.Http;

namespace DdGates.Cli.Commands;

/// <summary>
/// What every command gets from where it runs: file access, the retry and polling timings (tests shorten them), the
/// clock, when the step started (evaluate's timeout counts from there) and the run's secrets (taken out of any file written).
/// </summary>
public sealed record CommandContext(Func<string, string?> ReadFile, Func<string, string, string?> WriteFile, CliRuntime Runtime, Func<string, string?> Env)
{
    public RetryPolicy Policy => Runtime.Retry ?? new RetryPolicy();

    public PollSchedule Schedule => Runtime.Schedule ?? new PollSchedule();

    public TimeProvider Time => Runtime.Time;

    public SecretSet Secrets => Runtime.Secrets;

    /// <summary>Writes a file the run produces, with every secret of the run taken out first.</summary>
    public string? Write(string path, string text) => WriteFile(path, Secrets.Redact(text));
}
