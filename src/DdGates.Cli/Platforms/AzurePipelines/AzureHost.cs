using System.Globalization;
using System.Text;
using DdGates.Cli.Commands.PlanComment;
using DdGates.Cli.Inputs;
using DdGates.Config;
using DdGates.Model;

namespace DdGates.Cli.Platforms.AzurePipelines;

/// <summary>
/// Azure Pipelines: inputs from INPUT_* (camelCase names upper-cased), keys and site from the
/// service connection when the inputs leave them empty, logging commands on stdout, the summary one
/// titled markdown card attached with task.addattachment when the step ends.
/// </summary>
public sealed class AzureHost(TextWriter stdout, Func<string, string?> env) : ICiHost
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StringBuilder _summary = new();

    /// <summary>The agent keeps the first 10 errors of a step as issues and only logs the rest (agent ExecutionContext.cs, _maxIssueCount).</summary>
    public int ErrorAnnotationLimit => 10;

    /// <summary>The agent sets no size for a summary attachment; GitHub's 1 MiB keeps the card readable and the two hosts alike.</summary>
    public int SummaryLimitBytes => 1024 * 1024;

    public string CredentialsHelp => "set connection (a Datadog service connection), or the apiKey and appKey inputs (from secret variables)";

    public InputNames Names => InputNames.Azure;

    public PullRequestContext PullRequest(string? gitHubToken, Func<string, string?> readFile) => AzurePullRequest.Read(env);

    public string? Default(InputSpec input) => input.DefaultOnAzure;

    public string? GetInput(InputSpec input)
    {
        // The agent always fills the site input with its default, so a connection's own site wins;
        // explicit key inputs win over the connection's keys.
        if (input == InputTable.Site && ServiceConnection.Value(input, env) is { } site) return site;
        if (env(input.AzureEnv)?.Trim() is { Length: > 0 } value) return value;
        return ServiceConnection.Value(input, env);
    }

    public void MaskSecret(string value) => stdout.WriteMask(LoggingCommand.Format("task.setsecret", [], value));

    public void SetOutput(OutputSpec output, string value) =>
        stdout.WriteCommand(LoggingCommand.Format("task.setvariable", [new("variable", output.Azure), new("isoutput", "true")], value));

    public void Debug(string message) => stdout.WriteCommand(LoggingCommand.Format("task.debug", [], message));

    public void Info(string message) => stdout.WriteLine(LoggingCommand.Defuse(message));

    public void Warning(string message, SourceLocation? at = null) => Issue("warning", message, at);

    // task.logissue takes only warning and error (agent TaskCommandExtension.cs): a notice is a log line.
    public void Notice(string message, SourceLocation? at = null) => Info($"{(at is null ? "" : $"{at}: ")}Notice: {message.ReplaceLineEndings(" ")}");

    public void Error(string message, SourceLocation? at = null) => Issue("error", message, at);

    public IDisposable Group(string title)
    {
        stdout.WriteCommand("##[group]" + LoggingCommand.Defuse(title));
        return new LogGroup(() => stdout.WriteCommand("##[endgroup]"));
    }

    public void AppendSummary(string markdown) => _summary.Append(markdown);

    /// <summary>
    /// The whole summary as one card, named by its first heading (shown as the card's title, so not repeated in it): task.addattachment names it (task.uploadsummary would title it with the
    /// file's name; agent TaskCommandExtension.cs). Written under the agent's temp directory.
    /// </summary>
    public void FlushSummary(string title)
    {
        if (_summary.Length == 0) return;
        var markdown = _summary.ToString();
        // The card shows its name as a title: a summary that opens with a heading of that name gives the card its full name, once.
        if (markdown.StartsWith("## " + title, StringComparison.Ordinal) && markdown.IndexOf('\n', StringComparison.Ordinal) is > 3 and var end)
        {
            title = markdown[3..end].Trim();
            markdown = markdown[(end + 1)..].TrimStart('\n');
        }

        var dir = env("AGENT_TEMPDIRECTORY") is { Length: > 0 } temp ? temp : Path.GetTempPath();
        var path = Path.Combine(dir, $"dd-gates-summary-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, Boundary.SecretsOf(stdout).Redact(markdown), Utf8);
        _summary.Clear();
        stdout.WriteCommand(LoggingCommand.Format("task.addattachment", [new("type", "Distributedtask.Core.Summary"), new("name", title)], path));
    }

    public void Fail(string reason)
    {
        Issue("error", reason, null);
        stdout.WriteCommand(LoggingCommand.Format("task.complete", [new("result", "Failed")], reason));
    }

    public void SucceedWithIssues(string reason)
    {
        Issue("warning", reason, null);
        stdout.WriteCommand(LoggingCommand.Format("task.complete", [new("result", "SucceededWithIssues")], reason));
    }

    private void Issue(string type, string message, SourceLocation? at)
    {
        var properties = new List<KeyValuePair<string, string?>> { new("type", type) };
        if (at is { Line: > 0 })
        {
            // The agent makes sourcepath repository-relative itself; it wants the absolute path.
            properties.Add(new("sourcepath", Path.GetFullPath(at.File)));
            properties.Add(new("linenumber", at.Line.ToString(CultureInfo.InvariantCulture)));
            properties.Add(new("columnnumber", at.Column.ToString(CultureInfo.InvariantCulture)));
        }

        stdout.WriteCommand(LoggingCommand.Format("task.logissue", properties, message));
    }
}
