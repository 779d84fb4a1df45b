using System.Globalization;
using System.Text;
using DdGates.Cli.Commands.PlanComment;
using DdGates.Cli.Inputs;
using DdGates.Config;
using DdGates.Model;

namespace DdGates.Cli.Platforms.GitHub;

/// <summary>
/// GitHub Actions: inputs from INPUT_* (hyphens kept), outputs appended to GITHUB_OUTPUT in the
/// heredoc form with a random delimiter, the summary appended to GITHUB_STEP_SUMMARY (1 MiB a
/// step), workflow commands on stdout, at most 10 error annotations a step.
/// </summary>
public sealed class GitHubHost(TextWriter stdout, Func<string, string?> env, Func<string>? newDelimiter = null) : ICiHost
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Func<string> _delimiter = newDelimiter ?? (() => "ghadelimiter_" + Guid.NewGuid().ToString());
    private int _errors;

    /// <summary>The runner shows 10 error annotations a step and drops the rest.</summary>
    public int ErrorAnnotationLimit => 10;

    /// <summary>GitHub refuses a step summary over 1 MiB.</summary>
    public int SummaryLimitBytes => 1024 * 1024;

    public string CredentialsHelp => "set the api-key and app-key inputs (from secrets), or access-token";

    public InputNames Names => InputNames.GitHub;

    public PullRequestContext PullRequest(string? gitHubToken, Func<string, string?> readFile) => GitHubPullRequest.Read(env, gitHubToken, readFile);

    public string? GetInput(InputSpec input) => env(input.GitHubEnv)?.Trim() is { Length: > 0 } v ? v : null;

    public void MaskSecret(string value) => stdout.WriteMask(WorkflowCommand.Format("add-mask", [], value));

    public void SetOutput(OutputSpec output, string value)
    {
        var delimiter = _delimiter();
        if (value.Contains(delimiter, StringComparison.Ordinal)) throw new InvalidOperationException("output value contains its delimiter");
        Append("GITHUB_OUTPUT", $"{output.GitHub}<<{delimiter}\n{Boundary.SecretsOf(stdout).Redact(value)}\n{delimiter}\n");
    }

    public void Debug(string message) => stdout.WriteCommand(WorkflowCommand.Format("debug", [], message));

    public void Info(string message) => stdout.WriteLine(message);

    public void Warning(string message, SourceLocation? at = null) => stdout.WriteCommand(WorkflowCommand.Format("warning", Where(at), message));

    public void Notice(string message, SourceLocation? at = null) => stdout.WriteCommand(WorkflowCommand.Format("notice", Where(at), message));

    public void Error(string message, SourceLocation? at = null)
    {
        // Past the limit, a plain line on one line: a message can never start a workflow command of its own.
        if (Interlocked.Increment(ref _errors) > ErrorAnnotationLimit) stdout.WriteLine($"Error: {message.ReplaceLineEndings(" ")}");
        else stdout.WriteCommand(WorkflowCommand.Format("error", Where(at), message));
    }

    public IDisposable Group(string title)
    {
        stdout.WriteCommand(WorkflowCommand.Format("group", [], title));
        return new LogGroup(() => stdout.WriteCommand("::endgroup::"));
    }

    public void AppendSummary(string markdown)
    {
        var path = env("GITHUB_STEP_SUMMARY");
        if (string.IsNullOrEmpty(path)) return;
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        if (existing + Utf8.GetByteCount(markdown) > SummaryLimitBytes)
        {
            markdown = "\n_The summary was cut here: GitHub shows at most 1 MiB per step. The plan output holds everything._\n";
        }

        Append("GITHUB_STEP_SUMMARY", Boundary.SecretsOf(stdout).Redact(markdown));
    }

    public void FlushSummary(string title)
    {
        // Each section went to GITHUB_STEP_SUMMARY as it came, under its own heading.
    }

    public void Fail(string reason) => Error(reason);

    public void SucceedWithIssues(string reason) => Warning(reason);

    private void Append(string variable, string text)
    {
        var path = env(variable);
        if (string.IsNullOrEmpty(path))
        {
            Warning($"{variable} is not set, so this was not recorded: {text.Split('\n')[0]}");
            return;
        }

        File.AppendAllText(path, text, Utf8);
    }

    private static KeyValuePair<string, string?>[] Where(SourceLocation? at) => at is null || at.Line <= 0 ? [] :
    [
        new("file", at.File),
        new("line", at.Line.ToString(CultureInfo.InvariantCulture)),
        new("col", at.Column.ToString(CultureInfo.InvariantCulture)),
    ];
}
