using DdGates.Cli.Commands.PlanComment;
using DdGates.Cli.Inputs;
using DdGates.Config;
using DdGates.Model;

namespace DdGates.Cli.Platforms.Console;

/// <summary>
/// A plain terminal or an unknown CI: inputs from INPUT_* (GitHub spelling), outputs as
/// <c>name=value</c> lines, warnings and errors on stderr as <c>file:line:col: message</c>,
/// the summary printed at the end.
/// </summary>
public sealed class ConsoleHost(TextWriter stdout, TextWriter stderr, Func<string, string?> env) : ICiHost
{
    public int ErrorAnnotationLimit => int.MaxValue;

    public int SummaryLimitBytes => int.MaxValue;

    public string CredentialsHelp => "set the api-key and app-key inputs (INPUT_API-KEY, INPUT_APP-KEY), or DD_API_KEY and DD_APP_KEY";

    public InputNames Names => InputNames.GitHub;

    public PullRequestContext PullRequest(string? gitHubToken, Func<string, string?> readFile) => new PullRequestContext.None("not a CI step");

    public string? GetInput(InputSpec input) => env(input.GitHubEnv)?.Trim() is { Length: > 0 } v ? v : null;

    public void MaskSecret(string value)
    {
        // Nothing to tell a terminal: the program never prints keys.
    }

    public void SetOutput(OutputSpec output, string value) => stdout.WriteLine($"{output.GitHub}={value}");

    public void Debug(string message)
    {
        if (env("RUNNER_DEBUG") == "1" || env("DDGATES_DEBUG") == "1") stderr.WriteLine($"debug: {message}");
    }

    public void Info(string message) => stdout.WriteLine(message);

    public void Warning(string message, SourceLocation? at = null) => stderr.WriteLine($"{Where(at)}warning: {message}");

    public void Notice(string message, SourceLocation? at = null) => stderr.WriteLine($"{Where(at)}notice: {message}");

    public void Error(string message, SourceLocation? at = null) => stderr.WriteLine($"{Where(at)}error: {message}");

    public IDisposable Group(string title)
    {
        stdout.WriteLine($"--- {title}");
        return new LogGroup(() => { });
    }

    public void AppendSummary(string markdown) => stdout.Write(markdown);

    public void FlushSummary(string title)
    {
        // Printed as it came.
    }

    public void Fail(string reason) => stderr.WriteLine($"error: {reason}");

    public void SucceedWithIssues(string reason) => stderr.WriteLine($"warning: {reason}");

    private static string Where(SourceLocation? at) => at is null || at.Line <= 0 ? "" : $"{at}: ";
}
